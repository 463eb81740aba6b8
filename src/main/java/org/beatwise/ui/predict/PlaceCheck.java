package org.beatwise.ui.predict;

import org.beatwise.features.Query;

/** A deliberate check of a place (a map click or the Check button): which model, and the query it predicted for. */
public record PlaceCheck(String model, Query query) { }
