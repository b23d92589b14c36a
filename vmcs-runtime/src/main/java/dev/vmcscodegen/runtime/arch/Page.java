package dev.vmcscodegen.runtime.arch;

/**
 * The 4-KByte page, the alignment of the VMXON region, each VMCS and most structures a VMCS references
 * (SDM Vol. 3C 25.2, 27.2.1; the page sizes of Vol. 3A 4.3).
 */
public final class Page {
  /** 4 KBytes. */
  public static final long SIZE_4K = 4096;
  /** Bits 11:0, the offset within a 4-KByte page, which an aligned address leaves 0. */
  public static final long OFFSET_4K = SIZE_4K - 1;

  private Page() {}
}
