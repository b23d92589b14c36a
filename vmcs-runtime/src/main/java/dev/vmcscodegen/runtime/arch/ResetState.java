package dev.vmcscodegen.runtime.arch;

/**
 * Register values a processor holds after power-up, reset or INIT: SDM Vol. 3A Table 10-1 ("IA-32
 * and Intel 64 Processor States Following Power-up, Reset, or INIT"; Table 9-1 in editions before
 * 2023), and the IA32_PAT value after power-up or reset (SDM Vol. 3A, "PAT Initialization", Table
 * "Memory Type Setting of PAT Entries Following a Power-up or Reset").
 */
public final class ResetState {

  /** CR0 = 60000010H: CD, NW and ET set, protection and paging off. */
  public static final long CR0 = Cr0.CD | Cr0.NW | Cr0.ET;
  /** EIP = 0000FFF0H: with the CS base, the first instruction is fetched at FFFFFFF0H. */
  public static final long RIP = 0xFFF0;
  /** CS selector F000H. */
  public static final long CS_SELECTOR = 0xF000;
  /** CS base FFFF0000H. */
  public static final long CS_BASE = 0xFFFF_0000L;
  /** The limit of every segment register, of the LDTR and TR, and of GDTR and IDTR: FFFFH. */
  public static final long LIMIT = 0xFFFF;
  /** DR7 = 00000400H. */
  public static final long DR7 = 0x400;
  /** IA32_PAT = 0007040600070406H: WB, WT, UC-, UC in PA0 to PA3 and again in PA4 to PA7. */
  public static final long IA32_PAT = 0x0007_0406_0007_0406L;

  private ResetState() {}
}
