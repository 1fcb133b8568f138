package org.phasebook.kernel;

/**
 * Refuses {@code System.exit} and {@code Runtime.halt} from notebook code.
 *
 * <p>Decision: a cell that calls {@code System.exit} gets a clear error and the kernel keeps
 * running with all its state, rather than dying and being restarted. A student who types
 * {@code System.exit(0)} at the end of a "program" should not lose every variable of the
 * session; the kernel's own shutdown is allowed through {@link #allowExit()}.
 *
 * <p>Java 17 still lets a program install a security manager (with a deprecation warning on
 * the kernel's log); on a Java without one, {@link #install()} reports false and the kernel
 * exits on {@code System.exit}, to be restarted by Jupyter.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    private static volatile boolean exitAllowed;

    private ExitGuard() {
    }

    /** Installs the guard; false when this Java no longer supports security managers. */
    static boolean install() {
        // Java 17 prints a four-line deprecation warning for this call on the process's initial
        // standard error (the kernel's log, never a cell): the deprecation is known, see above.
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Lets the kernel itself exit (shutdown request, end of main). */
    static void allowExit() {
        exitAllowed = true;
    }

    @Override
    public void checkExit(int status) {
        if (!exitAllowed) {
            throw new SecurityException("System.exit(" + status + ") and Runtime.halt are disabled in a Phasebook notebook: "
                    + "it would stop the kernel and lose every variable. To start afresh, use Kernel > Restart.");
        }
    }

    @Override
    public void checkPermission(java.security.Permission perm) {
        // Everything else is allowed: the guard exists only for exit.
    }

    @Override
    public void checkPermission(java.security.Permission perm, Object context) {
    }
}
