package dev.vmcscodegen.runtime.software;

import dev.vmcscodegen.runtime.LaunchState;
import dev.vmcscodegen.runtime.EntryOutcome;
import dev.vmcscodegen.runtime.arch.Page;
import dev.vmcscodegen.runtime.arch.VmcsPointer;
import dev.vmcscodegen.runtime.arch.VmcsRegionHeader;
import dev.vmcscodegen.runtime.fields.VmcsEncodings;
import dev.vmcscodegen.encoding.HostWidth;
import dev.vmcscodegen.runtime.VmFailInvalidException;
import dev.vmcscodegen.runtime.VmFailValidException;
import dev.vmcscodegen.runtime.VmcsCatalog;
import dev.vmcscodegen.encoding.VmcsCategory;
import dev.vmcscodegen.encoding.VmcsEncoding;
import dev.vmcscodegen.runtime.VmcsField;
import dev.vmcscodegen.runtime.VmcsValueOutOfRangeException;
import dev.vmcscodegen.encoding.VmcsWidth;
import dev.vmcscodegen.runtime.VmxException;
import dev.vmcscodegen.runtime.VmxInstructionError;
import dev.vmcscodegen.runtime.VmxInstructions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory VMCS that behaves as the SDM says a processor does, so everything built on
 * {@link VmxInstructions} runs and is tested without VT-x. It models one logical processor in VMX root
 * operation at CPL 0 (so none of the #UD, #GP and VM-exit branches of the instructions' pseudo-code
 * apply) and is not thread-safe.
 *
 * <p><b>Fields.</b> The processor supports exactly the fields of a {@link VmcsCatalog} (default
 * {@code VmcsFields.CATALOG}; {@link #withCatalogs} adds a project's own), less any removed with {@link SoftwareVmcsBuilder#without}. An encoding
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
  public static final long NO_CURRENT_VMCS = VmcsPointer.NONE;
  /** No VMXON pointer configured; no valid VMCS address equals it, as it is not 4-KByte aligned. */
  public static final long NO_VMXON_POINTER = VmcsPointer.NONE;

  /** Bit 31 of a VMCS region's first 4 bytes: the shadow-VMCS indicator (SDM Vol. 3C 25.2). */
  private static final int SHADOW_VMCS_INDICATOR = (int) VmcsRegionHeader.SHADOW_VMCS_INDICATOR;
  /** VM-instruction error, a 32-bit read-only data field (SDM Vol. 3D B.3.2). */
  private static final int VM_INSTRUCTION_ERROR = VmcsEncodings.VM_INSTRUCTION_ERROR;
  /** Exit reason, a 32-bit read-only data field (SDM Vol. 3D B.3.2). */
  private static final int EXIT_REASON = VmcsEncodings.EXIT_REASON;
  /** Exit qualification, a natural-width read-only data field (SDM Vol. 3D B.4.2). */
  private static final int EXIT_QUALIFICATION = VmcsEncodings.EXIT_QUALIFICATION;

  private final FieldSupport support;
  private final HostWidth hostWidth;
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
    this.hostWidth = builder.hostWidth();
    this.msrs = builder.msrs();
    VmxMsrModel model = VmxMsrModel.from(msrs, builder.physicalAddressWidth());
    this.revisionIdentifier = model.revisionIdentifier();
    this.physicalAddressWidth = model.physicalAddressWidth();
    this.vmwriteAnyField = model.vmwriteAnyField();
    this.shadowVmcsAllowed = model.shadowVmcsAllowed();
    this.vmxonPointer = builder.vmxonPointer();
    this.entryCheck = builder.entryCheck();
    this.support = new FieldSupport(catalog, builder.removed(), hostWidth);
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
   * A software VMCS with every default that also supports the fields of a project's own specs: the one
   * call to make when a spec extends the base one ({@code create()} knows only the base fields, so an
   * own field would fail with VMfailValid(12)).
   *
   * <pre>{@code SoftwareVmcs vmcs = SoftwareVmcs.withCatalogs(ExtFields.CATALOG);}</pre>
   *
   * @param extensions generated {@code <prefix>Fields.CATALOG}s
   * @throws IllegalArgumentException if a field repeats an encoding or name of the base spec or of another
   *     extension
   * @see SoftwareVmcsBuilder#addCatalogs
   */
  public static SoftwareVmcs withCatalogs(VmcsCatalog... extensions) {
    return builder().addCatalogs(extensions).build();
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
    if (!support.supports(encoding)) {
      throw vmFailValid(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, describe("VMREAD", encoding));
    }
    return support.read(fields, encoding);
  }

  @Override
  public void vmwrite(int encoding, long value) {
    long[] fields = currentFields;
    if (fields == null) {
      throw noCurrentVmcs("VMWRITE", encoding);
    }
    if (!support.supports(encoding)) {
      throw vmFailValid(VmxInstructionError.UNSUPPORTED_VMCS_COMPONENT, describe("VMWRITE", encoding));
    }
    if (!vmwriteAnyField && VmcsCategory.ofEncoding(encoding) == VmcsCategory.READ_ONLY) {
      throw vmFailValid(VmxInstructionError.VMWRITE_READ_ONLY_COMPONENT, String.format("VMWRITE 0x%04X:"
          + " %s is a read-only data field and IA32_VMX_MISC (0x485) bit 29 is 0", encoding, support.nameOf(encoding)));
    }
    support.write(fields, encoding, value);
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
   * @return {@link EntryOutcome.Entered}, or {@link EntryOutcome.EntryFailure} after recording it in
   *     the exit-reason and exit-qualification fields
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException 4 if the VMCS is not clear, or the error the {@link VmEntryCheck} returned
   */
  public EntryOutcome vmlaunch() {
    return enter("VMLAUNCH", LaunchState.CLEAR, VmxInstructionError.VMLAUNCH_NONCLEAR_VMCS);
  }

  /**
   * VMRESUME (SDM Vol. 3C 31.3): enters with a launched current VMCS.
   *
   * @return as {@link #vmlaunch()}
   * @throws VmFailInvalidException if there is no current VMCS
   * @throws VmFailValidException 5 if the VMCS is not launched, or the error the {@link VmEntryCheck} returned
   */
  public EntryOutcome vmresume() {
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
    return support.supports(encoding);
  }

  /** The catalog the software VMCS was built from, including fields left out with {@code without}. */
  public VmcsCatalog catalog() {
    return support.catalog();
  }

  /** The supported fields, in catalog order. */
  public List<VmcsField> supportedFields() {
    return support.supportedFields();
  }

  private EntryOutcome enter(String instruction, LaunchState needed, VmxInstructionError wrongState) {
    VmcsRegion region = current;
    if (region == null) {
      throw new VmFailInvalidException(instruction + ": there is no current VMCS");
    }
    if (region.launchState != needed) {
      throw vmFailValid(wrongState, String.format("%s: the current VMCS at 0x%X is %s", instruction,
          currentPointer, region.launchState));
    }
    EntryOutcome outcome = Objects.requireNonNull(entryCheck.check(new EntryCheckView(this, support, region.fields)),
        "the VmEntryCheck returned null");
    if (outcome instanceof EntryOutcome.VmFailValid failed) {
      throw vmFailValid(failed.error(), instruction + ": the VM-entry checks failed");
    }
    if (outcome instanceof EntryOutcome.EntryFailure failure) {
      region.fields[VmcsRegion.slotOf(EXIT_REASON)] = Integer.toUnsignedLong(failure.exitReasonField());
      region.fields[VmcsRegion.slotOf(EXIT_QUALIFICATION)] =
          failure.exitQualification() & support.fullAccessMask(VmcsWidth.NATURAL);
    } else if (needed == LaunchState.CLEAR) {
      region.launchState = LaunchState.LAUNCHED;
    }
    return outcome;
  }

  private boolean isValidAddress(long address) {
    return (address & Page.OFFSET_4K) == 0 && (address >>> physicalAddressWidth) == 0;
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
    VmcsField field = support.catalog().byEncoding(encoding).orElse(null);
    if (field == null || !support.supports(encoding)) {
      String reason = support.supports(encoding)
          ? "it is the high access of a 64-bit field; give the full-access encoding"
          : support.unsupportedReason(encoding);
      throw new IllegalArgumentException(String.format("0x%04X is not the full-access encoding of a field"
          + " this SoftwareVmcs supports: %s", encoding, reason));
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
    return String.format("%s 0x%04X: %s", instruction, encoding, support.unsupportedReason(encoding));
  }
}
