package dev.vmcscodegen.runtime.exit;

import dev.vmcscodegen.runtime.EntryOutcome;

/**
 * The 32-bit exit-reason field, decoded: SDM Vol. 3C 25.9.1, table "Format of Exit Reason".
 *
 * <table>
 *   <caption>Bit layout</caption>
 *   <tr><th>bits</th><th>content</th></tr>
 *   <tr><td>15:0</td><td>basic exit reason (Vol. 3D Appendix C)</td></tr>
 *   <tr><td>16</td><td>always cleared to 0 (kept in {@link #reservedBits})</td></tr>
 *   <tr><td>24:17</td><td>not currently defined (kept in {@link #reservedBits})</td></tr>
 *   <tr><td>25</td><td>shadow stack marked busy prematurely (with the "prematurely busy shadow stack"
 *       secondary VM-exit control)</td></tr>
 *   <tr><td>26</td><td>VM exit after assertion of a bus lock ("VMM bus-lock detection")</td></tr>
 *   <tr><td>27</td><td>VM exit from enclave mode</td></tr>
 *   <tr><td>28</td><td>pending MTF VM exit (SMM VM exits only)</td></tr>
 *   <tr><td>29</td><td>VM exit from VMX root operation (SMM VM exits only)</td></tr>
 *   <tr><td>30</td><td>not currently defined (kept in {@link #reservedBits})</td></tr>
 *   <tr><td>31</td><td>VM-entry failure (0 = true VM exit)</td></tr>
 * </table>
 *
 * <p>Total: every 32-bit value decodes and {@code decode(x).encode() == x}. The basic reason is kept as
 * a number; {@link #reason()} names it, {@link ExitReason#UNKNOWN} beyond Table C-1.
 *
 * @param basicReason bits 15:0, 0 to 65535
 * @param prematurelyBusyShadowStack bit 25
 * @param busLockAsserted bit 26
 * @param enclaveMode bit 27
 * @param pendingMtfVmExit bit 28
 * @param fromVmxRootOperation bit 29
 * @param vmEntryFailure bit 31
 * @param reservedBits the bits at positions 24:16 and 30, in place (mask {@link #RESERVED_MASK})
 */
public record FullExitReason(
    int basicReason,
    boolean prematurelyBusyShadowStack,
    boolean busLockAsserted,
    boolean enclaveMode,
    boolean pendingMtfVmExit,
    boolean fromVmxRootOperation,
    boolean vmEntryFailure,
    int reservedBits) {

  /** Bits 15:0: the basic exit reason. */
  public static final int BASIC_REASON_BITS = 16;
  /** The mask of bits 15:0. */
  public static final int BASIC_REASON_MASK = (1 << BASIC_REASON_BITS) - 1;
  /** Bit 25. */
  public static final int PREMATURELY_BUSY_SHADOW_STACK_BIT = 25;
  /** Bit 26. */
  public static final int BUS_LOCK_ASSERTED_BIT = 26;
  /** Bit 27. */
  public static final int ENCLAVE_MODE_BIT = 27;
  /** Bit 28. */
  public static final int PENDING_MTF_VM_EXIT_BIT = 28;
  /** Bit 29. */
  public static final int FROM_VMX_ROOT_OPERATION_BIT = 29;
  /** Bit 31: the VM exit reports a VM-entry failure ({@link EntryOutcome#EXIT_REASON_ENTRY_FAILURE_BIT} in place). */
  public static final int VM_ENTRY_FAILURE_BIT = Integer.numberOfTrailingZeros(EntryOutcome.EXIT_REASON_ENTRY_FAILURE_BIT);
  /** Bits 24:16 and 30: cleared or not currently defined. */
  public static final int RESERVED_MASK = 0x01FF_0000 | (1 << 30);

  /** Checks the basic reason fits 16 bits and the reserved bits lie in {@link #RESERVED_MASK}. */
  public FullExitReason {
    BitField.checkWidth(basicReason, BASIC_REASON_BITS, "basic exit reason (bits 15:0)");
    BitField.checkMask(reservedBits, RESERVED_MASK, "exit-reason reserved bits");
  }

  /** A true VM exit (bit 31 clear) for a reason, every other bit clear. */
  public static FullExitReason of(ExitReason reason) {
    return new FullExitReason(checkDefined(reason), false, false, false, false, false, false, 0);
  }

  /** A VM-entry failure (bit 31 set) for a reason such as 33, every other bit clear. */
  public static FullExitReason entryFailure(ExitReason reason) {
    return new FullExitReason(checkDefined(reason), false, false, false, false, false, true, 0);
  }

  /** Decodes the exit-reason field. Never throws. */
  public static FullExitReason decode(int raw) {
    return new FullExitReason(
        raw & BASIC_REASON_MASK,
        BitField.bit(raw, PREMATURELY_BUSY_SHADOW_STACK_BIT),
        BitField.bit(raw, BUS_LOCK_ASSERTED_BIT),
        BitField.bit(raw, ENCLAVE_MODE_BIT),
        BitField.bit(raw, PENDING_MTF_VM_EXIT_BIT),
        BitField.bit(raw, FROM_VMX_ROOT_OPERATION_BIT),
        BitField.bit(raw, VM_ENTRY_FAILURE_BIT),
        raw & RESERVED_MASK);
  }

  /** The 32-bit field value: {@code decode(x).encode() == x}. */
  public int encode() {
    return (int) (basicReason
        | BitField.flag(prematurelyBusyShadowStack, PREMATURELY_BUSY_SHADOW_STACK_BIT)
        | BitField.flag(busLockAsserted, BUS_LOCK_ASSERTED_BIT)
        | BitField.flag(enclaveMode, ENCLAVE_MODE_BIT)
        | BitField.flag(pendingMtfVmExit, PENDING_MTF_VM_EXIT_BIT)
        | BitField.flag(fromVmxRootOperation, FROM_VMX_ROOT_OPERATION_BIT)
        | BitField.flag(vmEntryFailure, VM_ENTRY_FAILURE_BIT))
        | reservedBits;
  }

  /** The named basic reason; {@link ExitReason#UNKNOWN} for numbers beyond Table C-1. */
  public ExitReason reason() {
    return ExitReason.fromNumber(basicReason);
  }

  /** Whether any reserved or not-currently-defined bit is set. */
  public boolean hasReservedBits() {
    return reservedBits != 0;
  }

  private static int checkDefined(ExitReason reason) {
    if (reason.number() < 0) {
      throw new IllegalArgumentException(
          "ExitReason.UNKNOWN has no number; decode the raw field to keep an unknown basic reason");
    }
    return reason.number();
  }
}
