package org.beatwise.model;

/** Precision, recall and F1 of one class; support is the number of test rows that truly belong to it. */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
