package org.beatwise.store;

/** What the audit log records. Later capabilities add their own events here. */
public enum AuditEvent {
    SIGN_IN_OK, SIGN_IN_FAILED, LOCKED, UNLOCKED, LOGOUT, SESSION_LOCKED, REGISTERED,
    USER_ADDED, USER_REMOVED, SETTINGS_CHANGED,
    REFUSED, ROLE_CHANGED,
    IMPORT, DATASET_DELETED, TRAINING, MODEL_DELETED, MODEL_IMPORTED, HOTSPOTS, ALERT
}
