package org.beatwise.importing;

/** A study-area box in WGS84 degrees; rows outside it are dropped. Validates like a settings record. */
public record BoundingBox(double south, double west, double north, double east) {

    public BoundingBox {
        check("south", south, 90);
        check("north", north, 90);
        check("west", west, 180);
        check("east", east, 180);
        if (south > north) {
            throw new IllegalArgumentException("bbox south must be <= north, was south=" + south + " north=" + north);
        }
        if (west > east) {
            throw new IllegalArgumentException("bbox west must be <= east, was west=" + west + " east=" + east);
        }
    }

    /** Parses {@code south,west,north,east}, as {@code --bbox} takes it. */
    public static BoundingBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be south,west,north,east (4 numbers), was '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value " + (i + 1) + " is not a number: '" + parts[i].trim() + "'");
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    @Override
    public String toString() {
        return south + "," + west + "," + north + "," + east;
    }

    private static void check(String name, double v, double limit) {
        if (!(v >= -limit && v <= limit)) {
            throw new IllegalArgumentException("bbox " + name + " must be within ±" + (int) limit + ", was " + v);
        }
    }
}
