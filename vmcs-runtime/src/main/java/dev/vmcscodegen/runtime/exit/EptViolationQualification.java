package dev.vmcscodegen.runtime.exit;

/**
 * Exit qualification for EPT violations (basic exit reason 48): SDM Vol. 3C 28.2.1, table "Exit
 * Qualification for EPT Violations" (bits 0 to 16 defined, 63:17 reserved).
 *
 * <p>Bits 3 to 5 are the logical AND of the R, W, X bits of the EPT paging-structure entries used for
 * the access; bit 6 is undefined unless "mode-based execute control for EPT" is 1; bits 9 to 11 are
 * defined only when bits 7 and 8 are 1 and the processor reports advanced VM-exit information for EPT
 * violations; bit 14 is undefined unless supervisor shadow-stack control is enabled in the EPTP.
 *
 * @param dataRead bit 0: the access was a data read
 * @param dataWrite bit 1: the access was a data write
 * @param instructionFetch bit 2: the access was an instruction fetch
 * @param readable bit 3: the guest-physical address was readable
 * @param writable bit 4: the guest-physical address was writable
 * @param executable bit 5: executable (for supervisor-mode linear addresses with mode-based execute
 *     control)
 * @param userModeExecutable bit 6: executable for user-mode linear addresses (mode-based execute
 *     control only)
 * @param guestLinearAddressValid bit 7: the guest-linear-address field is valid
 * @param linearAddressTranslation bit 8 (with bit 7): the access was to the translation of a linear
 *     address (true) or to a paging-structure entry during a page walk or A/D update (false)
 * @param userModeLinearAddress bit 9 (advanced information): user-mode linear address
 * @param readWriteLinearAddress bit 10 (advanced information): paging maps it read/write
 * @param executeDisableLinearAddress bit 11 (advanced information): paging maps it execute-disable
 * @param nmiUnblockingDueToIret bit 12: NMI unblocking due to IRET
 * @param shadowStackAccess bit 13: the access was a shadow-stack access
 * @param supervisorShadowStack bit 14: bit 60 of the EPT entry mapping the page (supervisor
 *     shadow-stack control)
 * @param guestPagingVerification bit 15: caused by guest-paging verification
 * @param asynchronousToInstruction bit 16: the access was asynchronous to instruction execution and not
 *     part of event delivery (such as Intel PT trace output)
 * @param reservedBits bits 63:17 in place (mask {@link #RESERVED_MASK})
 */
public record EptViolationQualification(
    boolean dataRead,
    boolean dataWrite,
    boolean instructionFetch,
    boolean readable,
    boolean writable,
    boolean executable,
    boolean userModeExecutable,
    boolean guestLinearAddressValid,
    boolean linearAddressTranslation,
    boolean userModeLinearAddress,
    boolean readWriteLinearAddress,
    boolean executeDisableLinearAddress,
    boolean nmiUnblockingDueToIret,
    boolean shadowStackAccess,
    boolean supervisorShadowStack,
    boolean guestPagingVerification,
    boolean asynchronousToInstruction,
    long reservedBits) implements ExitQualification {

  /** Bit 0. */
  public static final int DATA_READ_BIT = 0;
  /** Bit 1. */
  public static final int DATA_WRITE_BIT = 1;
  /** Bit 2. */
  public static final int INSTRUCTION_FETCH_BIT = 2;
  /** Bit 3. */
  public static final int READABLE_BIT = 3;
  /** Bit 4. */
  public static final int WRITABLE_BIT = 4;
  /** Bit 5. */
  public static final int EXECUTABLE_BIT = 5;
  /** Bit 6. */
  public static final int USER_MODE_EXECUTABLE_BIT = 6;
  /** Bit 7. */
  public static final int GUEST_LINEAR_ADDRESS_VALID_BIT = 7;
  /** Bit 8. */
  public static final int LINEAR_ADDRESS_TRANSLATION_BIT = 8;
  /** Bit 9. */
  public static final int USER_MODE_LINEAR_ADDRESS_BIT = 9;
  /** Bit 10. */
  public static final int READ_WRITE_LINEAR_ADDRESS_BIT = 10;
  /** Bit 11. */
  public static final int EXECUTE_DISABLE_LINEAR_ADDRESS_BIT = 11;
  /** Bit 12. */
  public static final int NMI_UNBLOCKING_DUE_TO_IRET_BIT = 12;
  /** Bit 13. */
  public static final int SHADOW_STACK_ACCESS_BIT = 13;
  /** Bit 14. */
  public static final int SUPERVISOR_SHADOW_STACK_BIT = 14;
  /** Bit 15. */
  public static final int GUEST_PAGING_VERIFICATION_BIT = 15;
  /** Bit 16. */
  public static final int ASYNCHRONOUS_TO_INSTRUCTION_BIT = 16;
  /** Bits 63:17. */
  public static final long RESERVED_MASK = -1L << 17;

  /** Checks the reserved bits lie in 63:17. */
  public EptViolationQualification {
    BitField.checkMask(reservedBits, RESERVED_MASK, "EPT-violation qualification reserved bits");
  }

  /** Decodes the qualification. Never throws. */
  public static EptViolationQualification decode(long raw) {
    return new EptViolationQualification(
        BitField.bit(raw, DATA_READ_BIT),
        BitField.bit(raw, DATA_WRITE_BIT),
        BitField.bit(raw, INSTRUCTION_FETCH_BIT),
        BitField.bit(raw, READABLE_BIT),
        BitField.bit(raw, WRITABLE_BIT),
        BitField.bit(raw, EXECUTABLE_BIT),
        BitField.bit(raw, USER_MODE_EXECUTABLE_BIT),
        BitField.bit(raw, GUEST_LINEAR_ADDRESS_VALID_BIT),
        BitField.bit(raw, LINEAR_ADDRESS_TRANSLATION_BIT),
        BitField.bit(raw, USER_MODE_LINEAR_ADDRESS_BIT),
        BitField.bit(raw, READ_WRITE_LINEAR_ADDRESS_BIT),
        BitField.bit(raw, EXECUTE_DISABLE_LINEAR_ADDRESS_BIT),
        BitField.bit(raw, NMI_UNBLOCKING_DUE_TO_IRET_BIT),
        BitField.bit(raw, SHADOW_STACK_ACCESS_BIT),
        BitField.bit(raw, SUPERVISOR_SHADOW_STACK_BIT),
        BitField.bit(raw, GUEST_PAGING_VERIFICATION_BIT),
        BitField.bit(raw, ASYNCHRONOUS_TO_INSTRUCTION_BIT),
        raw & RESERVED_MASK);
  }

  @Override
  public long encode() {
    return BitField.flag(dataRead, DATA_READ_BIT)
        | BitField.flag(dataWrite, DATA_WRITE_BIT)
        | BitField.flag(instructionFetch, INSTRUCTION_FETCH_BIT)
        | BitField.flag(readable, READABLE_BIT)
        | BitField.flag(writable, WRITABLE_BIT)
        | BitField.flag(executable, EXECUTABLE_BIT)
        | BitField.flag(userModeExecutable, USER_MODE_EXECUTABLE_BIT)
        | BitField.flag(guestLinearAddressValid, GUEST_LINEAR_ADDRESS_VALID_BIT)
        | BitField.flag(linearAddressTranslation, LINEAR_ADDRESS_TRANSLATION_BIT)
        | BitField.flag(userModeLinearAddress, USER_MODE_LINEAR_ADDRESS_BIT)
        | BitField.flag(readWriteLinearAddress, READ_WRITE_LINEAR_ADDRESS_BIT)
        | BitField.flag(executeDisableLinearAddress, EXECUTE_DISABLE_LINEAR_ADDRESS_BIT)
        | BitField.flag(nmiUnblockingDueToIret, NMI_UNBLOCKING_DUE_TO_IRET_BIT)
        | BitField.flag(shadowStackAccess, SHADOW_STACK_ACCESS_BIT)
        | BitField.flag(supervisorShadowStack, SUPERVISOR_SHADOW_STACK_BIT)
        | BitField.flag(guestPagingVerification, GUEST_PAGING_VERIFICATION_BIT)
        | BitField.flag(asynchronousToInstruction, ASYNCHRONOUS_TO_INSTRUCTION_BIT)
        | reservedBits;
  }

  /**
   * Whether bits 5:3 are all clear: no EPT read, write or execute permission, the guest-physical address
   * is not present in EPT. Bit 6 is not considered: it is undefined without mode-based execute control.
   */
  public boolean notPresent() {
    return !readable && !writable && !executable;
  }
}
