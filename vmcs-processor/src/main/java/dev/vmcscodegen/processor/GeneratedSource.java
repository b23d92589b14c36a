package dev.vmcscodegen.processor;

/**
 * One generated Java source file.
 *
 * @param qualifiedName the top-level type's qualified name ({@code com.example.VmcsGuestNW})
 * @param text the file's text, deterministic for the same spec and options
 */
public record GeneratedSource(String qualifiedName, String text) {}
