package org.beatwise.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every class the model knows, most probable first; the probabilities sum to 1. */
public record Prediction(List<ClassProbability> ranked) {

    public Prediction {
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one class");
        }
    }

    public String predicted() {
        return ranked.get(0).label();
    }

    /** The probability of the predicted class. */
    public double confidence() {
        return ranked.get(0).probability();
    }

    /** Class → probability, most probable first. */
    public Map<String, Double> probabilities() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (ClassProbability cp : ranked) {
            map.put(cp.label(), cp.probability());
        }
        return map;
    }
}
