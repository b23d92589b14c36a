/**
 * VMCS component encodings (SDM Vol. 3C 25.11.2, Table 25-21): the field categories and widths, the
 * host width, the encoding layout and its rules. Shared by the processor, which checks specs with it,
 * and the runtime, whose generated field enums and decoders use it.
 */
package dev.vmcscodegen.encoding;
