package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.HostWidth;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.runtime.VmcsCategory;
import dev.vmcscodegen.runtime.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.runtime.VmcsWidth;
import dev.vmcscodegen.runtime.VmxException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-memory VMCS that behaves as the SDM says a processor does, so everything built on
 * {@link VmxInstructions} runs and is tested without VT-x. It models one logical processor in VMX root
 * operation at CPL 0 (so none of the #UD, #GP and VM-exit branches of the instructions' pseudo-code
 * apply) and is not thread-safe.
 *
 * <p><b>Fields.</b> The processor supports exactly the fields of a {@link VmcsCatalog} (default
 * {@code VmcsFields.CATALOG}), less any removed with {@link SoftwareVmcsBuilder#without}. An encoding
 * names a supported component when its reserved bits 12, 15 and 31:16 are 0, its full encoding is a
 * supported field, and its access-type bit 0 is set only for a 64-bit field (SDM Vol. 3C 25.11.2,
 * Table 25-21). Anything else fails with VMfailValid(12).
 *
 * <p><b>VMREAD and VMWRITE</b> follow SDM Vol. 3C 31.3: no current VMCS gives VMfailInvalid; an
 * unsupported component VMfailValid(12); VMWRITE to a read-only data field (type 1) VMfailValid(13),
 * unless IA32_VMX_MISC (MSR 0x485) bit 29 is set ("VMWRITE to any supported field", SDM Vol. 3D A.6).
 * A VMfailValid stores its number in the VM-instruction error field (0x4400) of the current VMCS
 * (SDM Vol. 3C 31.2, 31.4); a successful instruction leaves that field alone. Values move as the
 * instructions move them (SDM Vol. 3C 25.11.2 and the VMREAD/VMWRITE descriptions in 31.3): a VMWRITE
 * keeps the bits of the value the field has and drops the rest, a VMREAD zero-extends; a high access
 * reads or writes bits 63:32 of its 64-bit field and leaves bits 31:0 alone. On a
 * {@link HostWidth#BITS_32} host every access moves 32 bits: natural-width fields hold bits 31:0 of
 * what is written, a full VMREAD of a 64-bit field returns bits 31:0, and a full VMWRITE of a 64-bit
 * field writes bits 31:0 <em>and clears bits 63:32</em> ("If the VMCS field is longer, then the high
 * bits of the field are cleared to 0", SDM Vol. 3C 31.3 VMWRITE), so the high half must be written
 * after the full one, as {@code VmcsAccess.write64} does. Dropping bits here is the instruction's
 * behaviour, not the library's: the typed accessors reject too-wide values before they reach a backend.
 *
 * <p><b>VMCS regions</b> are modelled by physical address (SDM Vol. 3C 25.1, 25.2, 31.3): VMCLEAR
 * makes a region clear and, if it was current, leaves no current VMCS; VMPTRLD makes a region current
 * after checking its alignment (4 KBytes), width, that it is not the VMXON pointer, and its revision
 * identifier against IA32_VMX_BASIC bits 30:0; VMPTRST returns the current-VMCS pointer. Failures give
 * errors 2, 3, 9, 10, 11 through VMfail: VMfailValid when there is a current VMCS, else VMfailInvalid.
 * A region is created the first time an address is used, with the processor's revision identifier, as if
 * software had written it (use {@link #writeRevisionIdentifier} to model anything else), clear and with
 * every field 0. Region contents survive VMCLEAR and VMPTRLD.
 *
 * <p><b>VMLAUNCH and VMRESUME</b> check the current VMCS (VMfailInvalid) and its launch state (errors 4
 * and 5), then run the {@link VmEntryCheck} given to the builder; an entered VMLAUNCH makes the VMCS
 * launched. No guest runs: after an entry, tests script the VM exit with {@link #put}. Not modelled:
 * VMXON/VMXOFF (error 6), blocking by MOV SS (26, which a check may return), the dual-monitor treatment.
 *
 * <p><b>Speed.</b> Field data is a {@code long[]} a region indexed by a 13-bit slot (index, type,
 * width), and support is one bit an encoding in a 65,536-bit set: an access allocates nothing and boxes
 * nothing unless it fails.
 */
public final class SoftwareVmcs implements VmxInstructions {

  /** Where the current VMCS of a default-built software VMCS lives. */
  public static final long DEFAULT_VMCS_ADDRESS = 0x1000L;
  /** The current-VMCS pointer when there is no current VMCS: FFFFFFFF_FFFFFFFFH (SDM Vol. 3C 31.3 VMCLEAR, VMPTRST). */
  public static final long NO_CURRENT_VMCS = 0xFFFF_FFFF_FFFF_FFFFL;
  /** No VMXON pointer configured; no valid VMCS address equals it, as it is not 4-KByte aligned. */
  public static final long NO_VMXON_POINTER = 0xFFFF_FFFF_FFFF_FFFFL;

  /** IA32_VMX_BASIC, SDM Vol. 3D A.1. */
  private static final int IA32_VMX_BASIC = 0x480;
  /** IA32_VMX_MISC, SDM Vol. 3D A.6. */
  private static final int IA32_VMX_MISC = 0x485;
  /** IA32_VMX_PROCBASED_CTLS2, SDM Vol. 3D A.3.3. */
  private static final int IA32_VMX_PROCBASED_CTLS2 = 0x48B;
  /** IA32_VMX_BASIC bits 30:0: the VMCS revision identifier (SDM Vol. 3D A.1). */
  private static final long BASIC_REVISION_IDENTIFIER = 0x7FFF_FFFFL;
  /** IA32_VMX_BASIC bit 48: VMXON-region and VMCS addresses are limited to 32 bits (SDM Vol. 3D A.1). */
  private static final long BASIC_32_BIT_ADDRESSES = 1L << 48;
  /** IA32_VMX_MISC bit 29: VMWRITE may write any supported field, read-only ones included (SDM Vol. 3D A.6). */
  private static final long MISC_VMWRITE_ANY_FIELD = 1L << 29;
  /** IA32_VMX_PROCBASED_CTLS2 bit 46: allowed-1 of secondary control bit 14, "VMCS shadowing" (SDM Vol. 3D A.3.3). */
  private static final long CTLS2_ALLOWS_VMCS_SHADOWING = 1L << (32 + 14);
  /** Bit 31 of a VMCS region's first 4 bytes: the shadow-VMCS indicator (SDM Vol. 3C 25.2). */
  private static final int SHADOW_VMCS_INDICATOR = 1 << 31;
  /** VMCS addresses are 4-KByte aligned: bits 11:0 are 0 (SDM Vol. 3C 31.3 VMCLEAR, VMPTRLD). */
  private static final long PAGE_OFFSET = 0xFFFL;
  /** VM-instruction error, a 32-bit read-only data field (SDM Vol. 3D B.3.2). */
  private static final int VM_INSTRUCTION_ERROR = 0x4400;
  /** Exit reason, a 32-bit read-only data field (SDM Vol. 3D B.3.2). */
  private static final int EXIT_REASON = 0x4402;
  /** Exit qualification, a natural-width read-only data field (SDM Vol. 3D B.4.2). */
  private static final int EXIT_QUALIFICATION = 0x6400;
  /** Exit-reason bit 31: the exit is a VM-entry failure (SDM Vol. 3C 25.9.1, 27.8). */
  private static final long EXIT_REASON_ENTRY_FAILURE = 1L << 31;
  private static final long LOW_32 = 0xFFFF_FFFFL;
  private static final int HIGH_32_SHIFT = 32;
  /** VMREAD/VMWRITE encodings with bits 31:16 set are never supported, so 16 bits index the support set. */
  private static final int ENCODING_SPACE = 1 << 16;
  private static final int BITS_PER_WORD_SHIFT = 6;

  private final VmcsCatalog catalog;
  private final List<VmcsField> supportedFields;
  private final long[] supported = new long[ENCODING_SPACE >>> BITS_PER_WORD_SHIFT];
  private final HostWidth hostWidth;
  /** The bits a full access moves, by encoding width bits 14:13. */
  private final long[] fullAccessMask = new long[VmcsWidth.values().length];
  private final boolean vmwriteAnyField;
  private final Map<Integer, Long> msrs;
  private final int revisionIdentifier;
  private final boolean shadowVmcsAllowed;
  private final int physicalAddressWidth;
  private final long vmxonPointer;
  private final VmEntryCheck entryCheck;
  private final Map<Long, VmcsRegion> regions = new HashMap<>();
  private long currentPointer = NO_CURRENT_VMCS;
  private VmcsRegion current;
  private long[] currentFields;

  SoftwareVmcs(SoftwareVmcsBuilder builder, VmcsCatalog catalog) {
    this.catalog = catalog;
    this.hostWidth = builder.hostWidth();
    this.msrs = builder.msrs();
    long basic = msrs.getOrDefault(IA32_VMX_BASIC, 0L);
    this.revisionIdentifier = (int) (basic & BASIC_REVISION_IDENTIFIER);
    this.physicalAddressWidth = (basic & BASIC_32_BIT_ADDRESSES) != 0
        ? Integer.SIZE : builder.physicalAddressWidth();
    this.vmwriteAnyField = (msrs.getOrDefault(IA32_VMX_MISC, 0L) & MISC_VMWRITE_ANY_FIELD) != 0;
    this.shadowVmcsAllowed = (msrs.getOrDefault(IA32_VMX_PROCBASED_CTLS2, 0L) & CTLS2_ALLOWS_VMCS_SHADOWING) != 0;
    this.vmxonPointer = builder.vmxonPointer();
    this.entryCheck = builder.entryCheck();
    for (VmcsWidth width : VmcsWidth.values()) {
      int bits = width == VmcsWidth.BITS_64 ? hostWidth.bits() : width.bits(hostWidth);
      fullAccessMask[width.widthBits()] = bits == Long.SIZE ? -1L : (1L << bits) - 1;
    }
    Set<VmcsField> removed = new HashSet<>(builder.removed());
    List<VmcsField> kept = new ArrayList<>();
    for (VmcsField field : catalog.fields()) {
      checkFullEncoding(field);
      if (!removed.contains(field)) {
        kept.add(field);
        markSupported(field.encoding());
        if (field.width() == VmcsWidth.BITS_64) {
          markSupported(field.encoding() | VmcsEncoding.ACCESS_HIGH_BIT);
        }
      }
    }
    this.supportedFields = List.copyOf(kept);
    long start = builder.currentVmcs();
    if (start != NO_CURRENT_VMCS) {
      if (!isValidAddress(start) || start == vmxonPointer) {
        throw new IllegalArgumentException(String.format("0x%X cannot hold the starting VMCS: it must be"
            + " 4-KByte aligned, fit %d bits and not be the VMXON pointer", start, physicalAddressWidth));
      }
      vmclear(start);
      vmptrld(start);
    }
  }

  /** A builder with the defaults described on {@link SoftwareVmcsBuilder}. */
  public static SoftwareVmcsBuilder builder() {
    return new SoftwareVmcsBuilder();
  }

  /** A software VMCS with every default: all of {@code VmcsFields.CATALOG}, 64-bit host, one current clear VMCS. */
  public static SoftwareVmcs create() {
    return builder().build();
  }

  /**
   * A software VMCS supporting {@code catalog} whose current VMCS holds {@code values} (full-access
   * encoding to value), written with {@link #put}: a test and simulation hook, not an instruction.
   */
  public static SoftwareVmcs load(VmcsCatalog catalog, Map<Integer, Long> values) {
    SoftwareVmcs vmcs = builder().catalog(catalog).build();
    values.forEach(vmcs::put);
    return vmcs;
  }

  @Override
  public long vmread(int encoding) {
    long[] fields = currentFields;
    if (fields == null) {
      throw noCurrentVmcs("VMREAD", encoding);
    }
    if (!supports(encoding)) {
      throw vmFailValid(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, describe("VMREAD", encoding));
    }
    return readSupported(fields, encoding);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    long[] fields = currentFields;
    if (fields == null) {
      throw noCurrentVmcs("VMWRITE", encoding);
    }
    if (!supports(encoding)) {
      throw vmFailValid(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, describe("VMWRITE", encoding));
    }
    if (!vmwriteAnyField && VmcsCategory.ofEncoding(encoding) == VmcsCategory.READ_ONLY) {
      throw vmFailValid(VmxInstructionError.VMWRITE_READ_ONLY_COMPONENT, String.format("VMWRITE 0x%04X:"
          + " %s is a read-only data field and IA32_VMX_MISC (0x485) bit 29 is 0", encoding, nameOf(encoding)));
    }
    int slot = VmcsRegion.slotOf(encoding);
    if ((encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      fields[slot] = (fields[slot] & LOW_32) | (value << HIGH_32_SHIFT);
    } else {
      fields[slot] = value & fullAccessMask[VmcsWidth.ofEncoding(encoding).widthBits()];
    }
  }

  @Override
  public HostWidth hostWidth() {
    return hostWidth;
  }

  /**
   * RDMSR from the MSRs given to the builder.
   *
   * @throws UnknownMsrException for any other MSR, as a processor raises #GP(0)
   */
  @Override
  public long rdmsr(int msr) {
    Long value = msrs.get(msr);
    if (value == null) {
      throw new UnknownMsrException(msr);
    }
    return value;
  }

  /**
   * VMCLEAR (SDM Vol. 3C 31.3): makes the VMCS at {@code address} clear; if it is the current VMCS,
   * there is no current VMCS afterwards.
   *
   * @throws VmxException VMfail(2) for an address not 4-KByte aligned or wider than the physical-address
   *     width, VMfail(3) for the VMXON pointer
   */
  public void vmclear(long address) {
    if (!isValidAddress(address)) {
      throw vmFail(VmxInstructionError.VMCLEAR_INVALID_ADDRESS, badAddress("VMCLEAR", address));
    }
    if (address == vmxonPointer) {
      throw vmFail(VmxInstructionError.VMCLEAR_VMXON_POINTER, String.format("VMCLEAR 0x%X is the VMXON pointer", address));
    }
    region(address).launchState = LaunchState.CLEAR;
    if (address == currentPointer) {
      makeCurrent(NO_CURRENT_VMCS, null);
    }
  }

  /**
   * VMPTRLD (SDM Vol. 3C 31.3): makes the VMCS at {@code address} the current VMCS.
   *
   * @throws VmxException VMfail(9) for an address not 4-KByte aligned or too wide, VMfail(10) for the
   *     VMXON pointer, VMfail(11) when the region's revision identifier (bits 30:0) is not
   *     IA32_VMX_BASIC bits 30:0, or its bit 31 is set and VMCS shadowing is not allowed
   */
  public void vmptrld(long address) {
    if (!isValidAddress(address)) {
      throw vmFail(VmxInstructionError.VMPTRLD_INVALID_ADDRESS, badAddress("VMPTRLD", address));
    }
    if (address == vmxonPointer) {
      throw vmFail(VmxInstructionError.VMPTRLD_VMXON_POINTER, String.format("VMPTRLD 0x%X is the VMXON pointer", address));
    }
    VmcsRegion region = region(address);
    int revision = region.revisionIdentifier;
    if ((revision & ~SHADOW_VMCS_INDICATOR) != revisionIdentifier
        || ((revision & SHADOW_VMCS_INDICATOR) != 0 && !shadowVmcsAllowed)) {
      throw vmFail(VmxInstructionError.VMPTRLD_INCORRECT_REVISION_ID, String.format("VMPTRLD 0x%X: the region"
          + " starts with 0x%08X; the processor's VMCS revision identifier is 0x%X (IA32_VMX_BASIC bits 30:0)"
          + " and bit 31 (shadow VMCS) is %s", address, revision, revisionIdentifier,
          shadowVmcsAllowed ? "allowed" : "not allowed"));
    }
    makeCurrent(address, region);
  }

  /** VMPTRST (SDM Vol. 3C 31.3): the current-VMCS pointer, {@link #NO_CURRENT_VMCS} when there is none. */
  public long vmptrst() {
    return currentPointer;
  }

  /**
   * VMLAUNCH (SDM Vol. 3C 31.3): enters with a clear current VMCS, which becomes launched if the entry
   * succeeds.
   *
   * @return {@link VmEntryOutcome.Entered}, or {@link VmEntryOutcome.EntryFailure} after recording it in
   *     the exit-reason and exit-qualification fields
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException 4 if the VMCS is not clear, or the error the {@link VmEntryCheck} returned
   */
  public VmEntryOutcome vmlaunch() {
    return enter("VMLAUNCH", LaunchState.CLEAR, VmxInstructionError.VMLAUNCH_NONCLEAR_VMCS);
  }

  /**
   * VMRESUME (SDM Vol. 3C 31.3): enters with a launched current VMCS.
   *
   * @return as {@link #vmlaunch()}
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException 5 if the VMCS is not launched, or the error the {@link VmEntryCheck} returned
   */
  public VmEntryOutcome vmresume() {
    return enter("VMRESUME", LaunchState.LAUNCHED, VmxInstructionError.VMRESUME_NONLAUNCHED_VMCS);
  }

  /**
   * Test and simulation hook, not an instruction: stores {@code value} in a supported field of the
   * current VMCS, read-only fields included (to script a VM exit), without touching the error field.
   *
   * @param encoding a supported field's full-access encoding
   * @throws IllegalArgumentException if no supported field has this full-access encoding
   * @throws VmcsValueOutOfRangeException if {@code value} has more bits than the field holds on this
   *     host (natural-width fields hold 32 bits on a 32-bit host)
   * @throws IllegalStateException if there is no current VMCS
   */
  public void put(int encoding, long value) {
    VmcsField field = supportedField(encoding);
    int bits = field.width().bits(hostWidth);
    if (bits < Long.SIZE && (value >>> bits) != 0) {
      throw new VmcsValueOutOfRangeException(field.qualifiedName(), encoding, value, bits);
    }
    requireCurrent("put")[VmcsRegion.slotOf(encoding)] = value;
  }

  /**
   * Test hook, not an instruction: the whole value a supported field of the current VMCS holds, whatever
   * the host width, without touching the error field.
   *
   * @throws IllegalArgumentException if no supported field has this full-access encoding
   * @throws IllegalStateException if there is no current VMCS
   */
  public long get(int encoding) {
    supportedField(encoding);
    return requireCurrent("get")[VmcsRegion.slotOf(encoding)];
  }

  /**
   * Simulation hook: writes the first 4 bytes of the VMCS region at {@code address} (bits 30:0 the
   * revision identifier, bit 31 the shadow-VMCS indicator, SDM Vol. 3C 25.2), as software does before
   * VMPTRLD.
   */
  public void writeRevisionIdentifier(long address, int value) {
    region(address).revisionIdentifier = value;
  }

  /**
   * The launch state of the VMCS region at {@code address}.
   *
   * @throws IllegalArgumentException if no instruction has used that address
   */
  public LaunchState launchState(long address) {
    VmcsRegion region = regions.get(address);
    if (region == null) {
      throw new IllegalArgumentException(String.format("no VMCS region at 0x%X has been used", address));
    }
    return region.launchState;
  }

  /** Whether VMREAD supports this encoding (full access of a supported field, or high access of a 64-bit one). */
  public boolean supports(int encoding) {
    return (encoding & ~(ENCODING_SPACE - 1)) == 0
        && (supported[encoding >>> BITS_PER_WORD_SHIFT] & (1L << encoding)) != 0;
  }

  /** The catalog the software VMCS was built from, including fields left out with {@code without}. */
  public VmcsCatalog catalog() {
    return catalog;
  }

  /** The supported fields, in catalog order. */
  public List<VmcsField> supportedFields() {
    return supportedFields;
  }

  private long readSupported(long[] fields, int encoding) {
    long stored = fields[VmcsRegion.slotOf(encoding)];
    if ((encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0) {
      return stored >>> HIGH_32_SHIFT;
    }
    return stored & fullAccessMask[VmcsWidth.ofEncoding(encoding).widthBits()];
  }

  private VmEntryOutcome enter(String instruction, LaunchState needed, VmxInstructionError wrongState) {
    VmcsRegion region = current;
    if (region == null) {
      throw new VmFailInvalidException(instruction + ": there is no current VMCS");
    }
    if (region.launchState != needed) {
      throw vmFailValid(wrongState, String.format("%s: the current VMCS at 0x%X is %s", instruction,
          currentPointer, region.launchState));
    }
    VmEntryOutcome outcome = Objects.requireNonNull(entryCheck.check(new EntryCheckView(region.fields)),
        "the VmEntryCheck returned null");
    if (outcome instanceof VmEntryOutcome.VmFailValid failed) {
      throw vmFailValid(failed.error(), instruction + ": the VM-entry checks failed");
    }
    if (outcome instanceof VmEntryOutcome.EntryFailure failure) {
      region.fields[VmcsRegion.slotOf(EXIT_REASON)] = EXIT_REASON_ENTRY_FAILURE | failure.basicExitReason();
      region.fields[VmcsRegion.slotOf(EXIT_QUALIFICATION)] =
          failure.exitQualification() & fullAccessMask[VmcsWidth.NATURAL.widthBits()];
    } else if (needed == LaunchState.CLEAR) {
      region.launchState = LaunchState.LAUNCHED;
    }
    return outcome;
  }

  private void checkFullEncoding(VmcsField field) {
    VmcsEncoding encoding = VmcsEncoding.of(field.encoding());
    if (!encoding.isWellFormed() || encoding.isHighAccess()
        || encoding.width() != field.width() || encoding.category() != field.category()) {
      throw new IllegalArgumentException(String.format("%s has encoding 0x%04X, which is not a well-formed"
          + " full-access encoding of a %s %s field (SDM Vol. 3C 25.11.2, Table 25-21)", field.qualifiedName(),
          field.encoding(), field.category(), field.width()));
    }
  }

  private void markSupported(int encoding) {
    supported[encoding >>> BITS_PER_WORD_SHIFT] |= 1L << encoding;
  }

  private boolean isValidAddress(long address) {
    return (address & PAGE_OFFSET) == 0 && (address >>> physicalAddressWidth) == 0;
  }

  private VmcsRegion region(long address) {
    return regions.computeIfAbsent(address, unused -> new VmcsRegion(revisionIdentifier));
  }

  private void makeCurrent(long address, VmcsRegion region) {
    currentPointer = address;
    current = region;
    currentFields = region == null ? null : region.fields;
  }

  private long[] requireCurrent(String hook) {
    if (currentFields == null) {
      throw new IllegalStateException(hook + ": there is no current VMCS");
    }
    return currentFields;
  }

  private VmcsField supportedField(int encoding) {
    VmcsField field = catalog.byEncoding(encoding).orElse(null);
    if (field == null || !supports(encoding)) {
      throw new IllegalArgumentException(String.format("0x%04X is not the full-access encoding of a field"
          + " this SoftwareVmcs supports: %s", encoding, unsupportedReason(encoding)));
    }
    return field;
  }

  /** VMfail(error), SDM Vol. 3C 31.2: VMfailValid with a current VMCS, VMfailInvalid without. */
  private VmxException vmFail(VmxInstructionError error, String instruction) {
    if (currentFields == null) {
      return new VmFailInvalidException(instruction + " (" + error.description()
          + "; there is no current VMCS to record error " + error.number() + " in)");
    }
    return vmFailValid(error, instruction);
  }

  private VmFailValidException vmFailValid(VmxInstructionError error, String instruction) {
    currentFields[VmcsRegion.slotOf(VM_INSTRUCTION_ERROR)] = error.number();
    return new VmFailValidException(error, instruction);
  }

  private static VmFailInvalidException noCurrentVmcs(String instruction, int encoding) {
    return new VmFailInvalidException(String.format("%s 0x%04X: there is no current VMCS", instruction, encoding));
  }

  private String badAddress(String instruction, long address) {
    return String.format("%s 0x%X: a VMCS address must be 4-KByte aligned and fit the %d-bit physical-address"
        + " width", instruction, address, physicalAddressWidth);
  }

  private String describe(String instruction, int encoding) {
    return String.format("%s 0x%04X: %s", instruction, encoding, unsupportedReason(encoding));
  }

  private String nameOf(int encoding) {
    return catalog.byEncoding(encoding & ~VmcsEncoding.ACCESS_HIGH_BIT)
        .map(field -> (encoding & VmcsEncoding.ACCESS_HIGH_BIT) != 0
            ? field.qualifiedName() + " (high access)" : field.qualifiedName())
        .orElse("the field");
  }

  private String unsupportedReason(int encoding) {
    VmcsEncoding parts = VmcsEncoding.of(encoding);
    if (parts.reservedBitsSet() != 0) {
      return String.format("reserved encoding bits 0x%X are set (bits 12, 15 and 31:16 must be 0,"
          + " SDM Vol. 3C 25.11.2)", parts.reservedBitsSet());
    }
    if (parts.isHighAccess() && parts.width() != VmcsWidth.BITS_64) {
      return "access type bit 0 (high) is set on a field of width " + parts.width().specName()
          + "; only 64-bit fields have a high access (SDM Vol. 3C 25.11.2)";
    }
    return catalog.byEncoding(parts.fullEncoding())
        .map(field -> field.qualifiedName() + " is in the catalog, but this SoftwareVmcs was built without it")
        .orElse("no field of this processor's catalog has this encoding");
  }

  /** The read-only view a {@link VmEntryCheck} gets: VMREAD without recording errors, no VMWRITE. */
  private final class EntryCheckView implements VmxInstructions {
    private final long[] fields;

    EntryCheckView(long[] fields) {
      this.fields = fields;
    }

    @Override
    public long vmread(int encoding) {
      if (!supports(encoding)) {
        throw new VmFailValidException(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT,
            describe("VMREAD (VM-entry check)", encoding));
      }
      return readSupported(fields, encoding);
    }

    @Override
    public void vmwrite(int encoding, long value) {
      throw new UnsupportedOperationException("a VM-entry check cannot write the VMCS");
    }

    @Override
    public HostWidth hostWidth() {
      return hostWidth;
    }

    @Override
    public long rdmsr(int msr) {
      return SoftwareVmcs.this.rdmsr(msr);
    }
  }
}
