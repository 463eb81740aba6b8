package org.beatwise.hotspot;

/** The best SSE (m²) found for one k. */
public record ElbowPoint(int k, double sse) { }
