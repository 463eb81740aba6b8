package org.beatwise.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a bundle needs besides the trees to predict: the attribute header (feature names in order),
 * the class labels in model order, the training prior and the blend weight. Saved as
 * {@code header.txt}, a small line format read without any JSON library so that loading a model in
 * a fresh JVM stays fast:
 * <pre>
 * beatwise-model-header 1
 * target description
 * feature_set default
 * features hour day_of_week month lat lon
 * blend_weight 0.17
 * classes 54
 * 0.0944&lt;TAB&gt;VERBAL DISPUTE
 * …
 * </pre>
 */
record ModelHeader(String target, String featureSet, List<String> features, double blendWeight,
                   List<String> classes, double[] prior) {

    static final String MAGIC = "beatwise-model-header 1";

    byte[] toBytes() {
        StringBuilder s = new StringBuilder();
        s.append(MAGIC).append('\n');
        s.append("target ").append(target).append('\n');
        s.append("feature_set ").append(featureSet).append('\n');
        s.append("features ").append(String.join(" ", features)).append('\n');
        s.append("blend_weight ").append(blendWeight).append('\n');
        s.append("classes ").append(classes.size()).append('\n');
        for (int c = 0; c < classes.size(); c++) {
            String label = classes.get(c);
            if (label.indexOf('\n') >= 0 || label.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a class label may not contain a line break: " + label);
            }
            s.append(prior[c]).append('\t').append(label).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ModelHeader parse(byte[] bytes) {
        List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        if (lines.size() < 6 || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException("not a Beatwise model header");
        }
        String target = value(lines.get(1), "target");
        String featureSet = value(lines.get(2), "feature_set");
        List<String> features = List.of(value(lines.get(3), "features").split(" "));
        double weight = Double.parseDouble(value(lines.get(4), "blend_weight"));
        int n = Integer.parseInt(value(lines.get(5), "classes"));
        if (n < 0 || lines.size() < 6 + n) {
            throw new IllegalArgumentException("header promises " + n + " classes but lists fewer");
        }
        List<String> classes = new ArrayList<>(n);
        double[] prior = new double[n];
        for (int c = 0; c < n; c++) {
            String line = lines.get(6 + c);
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("class line " + (c + 1) + " has no tab");
            }
            prior[c] = Double.parseDouble(line.substring(0, tab));
            classes.add(line.substring(tab + 1));
        }
        return new ModelHeader(target, featureSet, features, weight, List.copyOf(classes), prior);
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key + " ")) {
            throw new IllegalArgumentException("expected '" + key + "' in header, found '" + line + "'");
        }
        return line.substring(key.length() + 1);
    }
}
