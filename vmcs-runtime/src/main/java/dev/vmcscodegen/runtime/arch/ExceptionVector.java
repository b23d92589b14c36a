package dev.vmcscodegen.runtime.arch;

/**
 * Exception and interrupt vectors, SDM Vol. 3A 6.3.1 and Table 6-1 "Protected-Mode Exceptions and
 * Interrupts". The constants carry the SDM's mnemonics without the {@code #}.
 */
public final class ExceptionVector {
  /** 0, #DE: divide error. */
  public static final int DE = 0;
  /** 1, #DB: debug exception. */
  public static final int DB = 1;
  /** 2: NMI interrupt. */
  public static final int NMI = 2;
  /** 3, #BP: breakpoint (INT3). */
  public static final int BP = 3;
  /** 4, #OF: overflow (INTO). */
  public static final int OF = 4;
  /** 6, #UD: invalid opcode. */
  public static final int UD = 6;
  /** 8, #DF: double fault (error code 0). */
  public static final int DF = 8;
  /** 10, #TS: invalid TSS (error code). */
  public static final int TS = 10;
  /** 11, #NP: segment not present (error code). */
  public static final int NP = 11;
  /** 12, #SS: stack-segment fault (error code). */
  public static final int SS = 12;
  /** 13, #GP: general protection (error code). */
  public static final int GP = 13;
  /** 14, #PF: page fault (error code). */
  public static final int PF = 14;
  /** 17, #AC: alignment check (error code 0). */
  public static final int AC = 17;
  /** 18, #MC: machine check. */
  public static final int MC = 18;
  /** 21, #CP: control-protection exception (error code). */
  public static final int CP = 21;
  /** 31: the last vector reserved for exceptions (0 to 31). */
  public static final int LAST_EXCEPTION = 31;
  /** 32: the first vector of user-defined interrupts (32 to 255). */
  public static final int FIRST_INTERRUPT = 32;
  /** 255: the largest vector. */
  public static final int MAX = 255;

  private ExceptionVector() {}
}
