/**
 * The {@code vmcs:generate} Maven goal: VMCS spec files in, typed field accessors out, in
 * {@code generate-sources}. The plugin calls the processor's façade
 * ({@code dev.vmcscodegen.processor.SpecCompiler}); it adds no rule of its own.
 */
package dev.vmcscodegen.maven;
