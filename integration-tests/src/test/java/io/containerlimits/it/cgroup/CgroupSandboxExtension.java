package io.containerlimits.it.cgroup;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a fresh {@link CgroupSandbox} parameter and removes its cgroups after the test, pass or
 * fail.
 *
 * <p>The sandbox is opened, and so the prerequisites checked, in {@code beforeEach}, not while resolving the
 * parameter: JUnit wraps whatever a resolver throws into an error, which would turn a local skip into a failure.
 */
public final class CgroupSandboxExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Where the sandbox of the running test method is kept. */
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CgroupSandboxExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String label = context.getRequiredTestMethod().getName();
        context.getStore(NAMESPACE).put(CgroupSandbox.class, CgroupSandbox.open(label));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CgroupSandbox sandbox = context.getStore(NAMESPACE).remove(CgroupSandbox.class, CgroupSandbox.class);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CgroupSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(CgroupSandbox.class, CgroupSandbox.class);
    }
}
