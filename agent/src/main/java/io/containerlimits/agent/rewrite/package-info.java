/**
 * Rewrites the {@code Runtime.availableProcessors()} call sites of one class file to call the boot-visible helper,
 * by patching its bytes in place, with no class-file library and nothing that loads classes (docs/design.md §5,
 * docs/agent-notes.md §1.6).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.agent.rewrite;
