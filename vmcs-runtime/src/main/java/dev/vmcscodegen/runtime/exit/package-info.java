/**
 * VM-exit information, decoded: the exit reason (SDM Vol. 3C 25.9.1, Vol. 3D Appendix C), the
 * interruption and IDT-vectoring information (25.9.2, 25.9.3), the exit qualifications of SDM Vol. 3C
 * 28.2.1 and the VM-exit instruction-information field (28.2.5).
 *
 * <p>Every decoder is total: any bit pattern decodes, values the SDM does not define stay raw and are
 * labelled unknown, and reserved bits are kept so that {@code encode()} gives back the input.
 */
package dev.vmcscodegen.runtime.exit;
