package org.beatwise.model;

import java.nio.file.Path;
import weka.core.Environment;

/**
 * What Weka reads once, when its classes first load, set before that happens so that a command prints
 * nothing on stderr the user did not ask for and writes nothing outside the data home.
 *
 * <ul>
 *   <li>netlib-java (Weka's linear algebra) first tries native BLAS, LAPACK and ARPACK libraries that a
 *       station does not have, and logs a "Failed to load implementation" warning for each it tries.
 *       Naming the pure-Java implementations up front skips the attempt. A value set on the command
 *       line ({@code -D}) is kept.</li>
 *   <li>Weka's package manager creates {@code ~/wekafiles} on first use. Beatwise loads no Weka
 *       packages, so package loading is switched off and Weka's home is pointed into the data home.
 *       A {@code WEKA_HOME} set in the environment is kept.</li>
 * </ul>
 * Weka keeps both for the life of the JVM: the first data home opened in a process is the one used.
 */
public final class WekaRuntime {

    private static final String NETLIB = "com.github.fommil.netlib.";

    private WekaRuntime() { }

    /** The netlib choice alone, for the launcher to make before anything else runs. */
    public static void preferPureJava() {
        for (String library : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
            if (System.getProperty(NETLIB + library) == null) {
                System.setProperty(NETLIB + library, NETLIB + "F2j" + library);
            }
        }
    }

    /**
     * The netlib choice, no Weka packages, and Weka's home in {@code wekaHome} unless one was set
     * already (by the environment or an earlier call).
     */
    public static synchronized void prepare(Path wekaHome) {
        preferPureJava();
        Environment env = Environment.getSystemWide();
        if (env.getVariableValue("WEKA_HOME") == null) {
            env.addVariableSystemWide("WEKA_HOME", wekaHome.toAbsolutePath().toString());
        }
        if (env.getVariableValue("weka.core.loadPackages") == null) {
            env.addVariableSystemWide("weka.core.loadPackages", "false");
        }
    }
}
