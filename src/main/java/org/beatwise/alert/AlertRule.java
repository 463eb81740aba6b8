package org.beatwise.alert;

/** Why an alert was raised. */
public enum AlertRule {
    /** The top class's confidence is at or above the threshold. */
    HIGH_CONFIDENCE,
    /** The predicted class is one the station marked as high-risk. */
    HIGH_RISK_CLASS,
    /** The checked place (or the station) is within the set distance of a hotspot's edge. */
    PROXIMITY
}
