package org.beatwise.domain;

/** A service refused an actor whose role may not do what it asked; the message says who may. */
public final class NotAllowedException extends RuntimeException {

    private NotAllowedException(String message) {
        super(message);
    }

    /** For station-wide changes: "only an administrator can change station settings". */
    public static NotAllowedException adminOnly(String action) {
        return new NotAllowedException("Only an administrator can " + action + ".");
    }

    /** For someone's own work: "only its creator (bob) or an administrator can delete dataset 'x'". */
    public static NotAllowedException creatorOrAdmin(String action, String creator) {
        return new NotAllowedException("Only its creator (" + creator + ") or an administrator can " + action + ".");
    }
}
