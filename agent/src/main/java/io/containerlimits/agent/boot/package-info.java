/**
 * What rewritten call sites call instead of {@code Runtime.availableProcessors()}: java.base only. These classes are
 * on the boot class path (rewritten {@code java.base} classes call them), so they link to nothing but {@code java.*}
 * classes and are Java 8 bytecode at the jar root (docs/design.md §5, docs/agent-notes.md §0.5, §0.8).
 * {@code BootPackageReferencesTest} checks their class files.
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.agent.boot;
