package org.phasebook.systems;

/**
 * Thrown when a numerical integration cannot continue: the solution or its derivative became
 * non-finite (a blow-up), or the step size fell below the allowed minimum (a blow-up or a system
 * too stiff for an explicit method). The message gives the time reached and what to try.
 */
public class IntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An integration failure described by {@code message}. */
    public IntegrationException(String message) {
        super(message);
    }

    /** An integration failure described by {@code message}, caused by {@code cause}. */
    public IntegrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
