/**
 * Event injection on VM entry (SDM Vol. 3C 25.8.3, 27.2.1.3, 27.6): {@link dev.vmcscodegen.runtime.event.EventInjector}
 * with explicit events, the origin's classification of bare vectors, and re-injection of IDT-vectoring
 * information. The interruption type is {@link dev.vmcscodegen.runtime.exit.InterruptionType}.
 */
package dev.vmcscodegen.runtime.event;
