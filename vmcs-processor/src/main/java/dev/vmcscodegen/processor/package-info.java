/** The VMCS spec annotation processor: spec, model, check, codegen, and the javac boundary. */
package dev.vmcscodegen.processor;
