package org.beatwise.hotspot;

/** How big each hotspot circle is drawn. */
public sealed interface RadiusRule {

    /** The distance from the centre that holds this share of the hotspot's own incidents (default 0.8). */
    record Share(double share) implements RadiusRule {
        public Share {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("radius share must be in (0, 1], was " + share);
            }
        }
    }

    /** The same radius in metres for every hotspot, as the paper's map draws them. */
    record Fixed(double metres) implements RadiusRule {
        public Fixed {
            if (!(metres >= 10 && metres <= 10_000)) {
                throw new IllegalArgumentException("radius metres must be in [10, 10000], was " + metres);
            }
        }
    }

    static RadiusRule defaultShare() {
        return new Share(0.8);
    }

    /** "share 0.8" or "fixed 250 m", for saved sets and messages. */
    default String describe() {
        return this instanceof Share s ? "share " + s.share() : "fixed " + ((Fixed) this).metres() + " m";
    }
}
