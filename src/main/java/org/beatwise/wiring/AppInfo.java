package org.beatwise.wiring;

/** Name and version of this build, read from the jar manifest (or "dev" when run from classes). */
public final class AppInfo {

    public static final String NAME = "Beatwise";

    private AppInfo() { }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
