package org.phasebook.kernel;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell the kernel's one {@link EvaluationThreadControl}. */
final class EvaluationThreadControlProvider implements ExecutionControlProvider {

    private final EvaluationThreadControl control;

    EvaluationThreadControlProvider(EvaluationThreadControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "phasebook";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
