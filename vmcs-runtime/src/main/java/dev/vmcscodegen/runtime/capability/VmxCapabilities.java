package dev.vmcscodegen.runtime.capability;

import dev.vmcscodegen.problem.Parsed;
import dev.vmcscodegen.problem.Problem;
import dev.vmcscodegen.problem.ProblemException;
import dev.vmcscodegen.problem.Problems;
import dev.vmcscodegen.problem.TextInput;
import dev.vmcscodegen.runtime.VmxInstructions;
import dev.vmcscodegen.runtime.control.ControlKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * An immutable profile of a processor's VMX capability MSRs (SDM Vol. 3D Appendix A): the raw values
 * of every MSR that exists, and their decoded views. MSRs that do not exist on the profiled processor
 * (for example IA32_VMX_PROCBASED_CTLS3 when bit 49 of IA32_VMX_PROCBASED_CTLS is 0) are absent, and
 * the accessors for them return empty.
 *
 * <p>Ways to make one: {@link #read} a backend's MSRs, {@link #readProfile} or {@link #loadProfile} a
 * profile text ({@code MSR VALUE} lines, see {@link #toProfileText()}, a VirtualBox release log or QEMU
 * vmxcap output) with
 * warnings, or strictly, refusing any problem: {@link #parse}, {@link #load}, {@link #of}.
 *
 * <p>A profile may lack MSRs that the processor has (a log that stops early, a device that would not read
 * one): those are {@linkplain #unknownMsrs() unknown}, and so is everything they decide, which the
 * accessors say: {@link #knows(ControlKind)}, {@link #has}. An accessor of an always-present MSR throws
 * {@link IllegalStateException} when that MSR is unknown; ask {@link #has} first.
 */
public final class VmxCapabilities {

  /** The classpath resource of {@link #sample()}. */
  public static final String SAMPLE_RESOURCE = "sample-coffee-lake.msr";

  private final Map<VmxCapabilityMsr, Long> values;
  /** MSRs the processor has, or may have, that are absent from {@link #values}. */
  private final Set<VmxCapabilityMsr> unknown;
  /** {@link #controlCapability} of every kind, decided once: the profile is immutable. */
  private final Map<ControlKind, Optional<ControlCapability>> controls;

  private VmxCapabilities(Map<VmxCapabilityMsr, Long> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    Set<VmxCapabilityMsr> absent = EnumSet.noneOf(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (!values.containsKey(msr) && MsrPresence.status(msr, values) != MsrPresence.Status.ABSENT) {
        absent.add(msr);
      }
    }
    this.unknown = Collections.unmodifiableSet(absent);
    Map<ControlKind, Optional<ControlCapability>> byKind = new EnumMap<>(ControlKind.class);
    for (ControlKind kind : ControlKind.values()) {
      byKind.put(kind, decideControlCapability(kind));
    }
    this.controls = Collections.unmodifiableMap(byKind);
  }

  /** A profile of values already checked by {@link MsrPresence}. */
  static VmxCapabilities ofChecked(Map<VmxCapabilityMsr, Long> values) {
    return new VmxCapabilities(values);
  }

  /**
   * A profile of the given MSR values.
   *
   * @throws ProblemException if an MSR that must exist is missing or one that cannot exist is present
   *     (ids of {@link CapabilityProblem}, no file, line 0)
   * @throws NullPointerException if an MSR is mapped to null
   */
  public static VmxCapabilities of(Map<VmxCapabilityMsr, Long> values) {
    Map<VmxCapabilityMsr, Long> copy = values.isEmpty()
        ? new EnumMap<>(VmxCapabilityMsr.class) : new EnumMap<>(values);
    copy.forEach((msr, value) -> Objects.requireNonNull(value, () -> msr.describe() + " is mapped to null"));
    List<Problem> problems = MsrPresence.problems(copy, Map.of(), "");
    if (!problems.isEmpty()) {
      throw new ProblemException(problems);
    }
    return new VmxCapabilities(copy);
  }

  /**
   * Reads the capability MSRs through the backend's RDMSR, each once, in address order, and only those
   * that exist by the rules of SDM Vol. 3D Appendix A (reading another would fault with #GP).
   */
  public static VmxCapabilities read(VmxInstructions vmx) {
    Map<VmxCapabilityMsr, Long> read = new EnumMap<>(VmxCapabilityMsr.class);
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (MsrPresence.exists(msr, read)) {
        read.put(msr, vmx.rdmsr(msr.address()));
      }
    }
    return new VmxCapabilities(read);
  }

  /**
   * As {@link #read(VmxInstructions)}, for a source that may fail on single MSRs (an msr device): an MSR
   * whose RDMSR throws {@link UncheckedIOException} is a warning and unknown, and the values are checked
   * against the rules of SDM Vol. 3D Appendix A (all-zero or random bytes are no processor, and say so).
   *
   * @param source the name problems carry (the device path)
   * @throws UncheckedIOException if IA32_VMX_BASIC cannot be read (no device, no permission): nothing can
   */
  public static Parsed<VmxCapabilities> read(VmxInstructions vmx, String source) {
    Map<VmxCapabilityMsr, Long> read = new EnumMap<>(VmxCapabilityMsr.class);
    Set<VmxCapabilityMsr> unreadable = EnumSet.noneOf(VmxCapabilityMsr.class);
    Problems problems = new Problems();
    for (VmxCapabilityMsr msr : VmxCapabilityMsr.values()) {
      if (MsrPresence.status(msr, read) != MsrPresence.Status.EXISTS) {
        continue;
      }
      try {
        read.put(msr, vmx.rdmsr(msr.address()));
      } catch (UncheckedIOException e) {
        if (msr == VmxCapabilityMsr.IA32_VMX_BASIC) {
          throw e;
        }
        unreadable.add(msr);
        problems.add(CapabilityProblem.UNREADABLE_MSR.at(source, 0, msr.describe(),
            Problem.excerpt(String.valueOf(e.getCause().getMessage())), msr.decides()));
      }
    }
    return checked(VmxCapabilitiesParser.check(read, Map.of(), source, problems, unreadable));
  }

  /**
   * Reads a profile text: our {@code MSR VALUE} lines, a VirtualBox release log or QEMU vmxcap output,
   * detected by its lines (the forms of {@code VmxCapabilitiesParser}).
   * A line that does not read, an MSR missing or one that cannot exist, a value against the SDM, is a
   * warning; what a missing MSR decides is then unknown ({@link #unknownMsrs()}).
   *
   * @param file the name problems carry ({@code FILE:LINE})
   * @throws ProblemException if the text has no IA32_VMX_BASIC or no line that reads (and all warnings)
   */
  public static Parsed<VmxCapabilities> readProfile(String text, String file) {
    return checked(VmxCapabilitiesParser.parse(text, file));
  }

  /**
   * Reads a profile file as {@link #readProfile} does, through {@link TextInput} (a size bound, a UTF-8
   * byte-order mark skipped, invalid UTF-8 reported by line and byte).
   *
   * @throws IOException if the file cannot be read
   * @throws ProblemException if it cannot be used
   */
  public static Parsed<VmxCapabilities> loadProfile(Path path) throws IOException {
    return readProfile(TextInput.read(path), path.toString());
  }

  private static Parsed<VmxCapabilities> checked(VmxCapabilitiesParser.Result result) {
    result.problems().throwIfErrors();
    return new Parsed<>(new VmxCapabilities(result.values()), result.problems().list());
  }

  /**
   * Parses the text form: one {@code MSR VALUE} pair a line, both hexadecimal with an optional
   * {@code 0x}, the MSR also by name ({@code IA32_VMX_BASIC}); {@code #} at the start of a line or
   * after white space starts a comment.
   *
   * @throws ProblemException listing every line that does not read, or else every MSR missing or present
   *     against the SDM's rules (ids of {@link CapabilityProblem}, as warnings: this strict form refuses
   *     them all; {@link #readProfile} degrades instead)
   */
  public static VmxCapabilities parse(String text) {
    return parse(text, "<text>");
  }

  /** As {@link #parse(String)}, naming {@code file} in problems ({@code FILE:LINE}). */
  public static VmxCapabilities parse(String text, String file) {
    return new VmxCapabilities(VmxCapabilitiesParser.parseStrict(text, file));
  }

  /**
   * Reads and parses a profile file (UTF-8).
   *
   * @throws IOException if the file cannot be read
   * @throws ProblemException if its content is not a valid profile
   */
  public static VmxCapabilities load(Path path) throws IOException {
    return parse(TextInput.read(path), path.toString());
  }

  /**
   * A realistic profile shipped with the library: an Intel Core (Coffee Lake, family 6 model 158)
   * processor's capability MSRs as logged by VirtualBox; the resource names its source.
   */
  public static VmxCapabilities sample() {
    try (InputStream in = VmxCapabilities.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + SAMPLE_RESOURCE + " is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SAMPLE_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the profiled processor has this MSR. */
  public boolean has(VmxCapabilityMsr msr) {
    return values.containsKey(msr);
  }

  /**
   * The MSRs the processor has, or may have, that the profile lacks: what they decide is unknown. A TRUE
   * MSR here while IA32_VMX_BASIC bit 55 is 1 is replaced by its plain MSR ({@link #defaultOnesShownFixed}).
   */
  public Set<VmxCapabilityMsr> unknownMsrs() {
    return unknown;
  }

  /** Whether the allowed settings of the control field are known: its capability MSR in force, or its stand-in. */
  public boolean knows(ControlKind kind) {
    VmxCapabilityMsr msr = kind.capabilityMsrInForce(basic().trueControls());
    return !unknown.contains(msr) || !unknown.contains(kind.capabilityMsr()) && values.containsKey(kind.capabilityMsr());
  }

  /**
   * Whether the control field's settings come from its plain MSR although IA32_VMX_BASIC bit 55 is 1,
   * because the TRUE MSR is missing: its default-1 bits are then shown as fixed to 1 (SDM Vol. 3D A.2).
   */
  public boolean defaultOnesShownFixed(ControlKind kind) {
    return basic().trueControls() && kind.trueCapabilityMsr().filter(unknown::contains).isPresent()
        && values.containsKey(kind.capabilityMsr());
  }

  /** The raw value of an MSR; empty if the processor does not have it or it is unknown. */
  public OptionalLong value(VmxCapabilityMsr msr) {
    Long value = values.get(msr);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** Every MSR's raw value keyed by address, in address order: what a software backend serves to RDMSR. */
  public Map<Integer, Long> msrs() {
    Map<Integer, Long> byAddress = new TreeMap<>();
    values.forEach((msr, value) -> byAddress.put(msr.address(), value));
    return Collections.unmodifiableMap(byAddress);
  }

  /** IA32_VMX_BASIC, decoded (SDM Vol. 3D A.1). */
  public VmxBasic basic() {
    return new VmxBasic(required(VmxCapabilityMsr.IA32_VMX_BASIC));
  }

  /** IA32_VMX_MISC, decoded (SDM Vol. 3D A.6). */
  public VmxMisc misc() {
    return new VmxMisc(required(VmxCapabilityMsr.IA32_VMX_MISC));
  }

  /** IA32_VMX_CR0_FIXED0 and IA32_VMX_CR0_FIXED1 (SDM Vol. 3D A.7). */
  public FixedBits cr0Fixed() {
    return new FixedBits(required(VmxCapabilityMsr.IA32_VMX_CR0_FIXED0), required(VmxCapabilityMsr.IA32_VMX_CR0_FIXED1));
  }

  /** IA32_VMX_CR4_FIXED0 and IA32_VMX_CR4_FIXED1 (SDM Vol. 3D A.8). */
  public FixedBits cr4Fixed() {
    return new FixedBits(required(VmxCapabilityMsr.IA32_VMX_CR4_FIXED0), required(VmxCapabilityMsr.IA32_VMX_CR4_FIXED1));
  }

  /** IA32_VMX_VMCS_ENUM, decoded (SDM Vol. 3D A.9). */
  public VmcsEnumeration vmcsEnumeration() {
    return new VmcsEnumeration(required(VmxCapabilityMsr.IA32_VMX_VMCS_ENUM));
  }

  /** IA32_VMX_EPT_VPID_CAP, decoded (SDM Vol. 3D A.10); empty if neither EPT nor VPID may be enabled, or unknown. */
  public Optional<EptVpidCapability> eptVpidCapability() {
    return Optional.ofNullable(values.get(VmxCapabilityMsr.IA32_VMX_EPT_VPID_CAP)).map(EptVpidCapability::new);
  }

  /** The allowed 1-settings of the VM-function controls from IA32_VMX_VMFUNC (SDM Vol. 3D A.11); empty if VM functions cannot be enabled. */
  public Optional<AllowedSettings> vmFunctionControls() {
    return Optional.ofNullable(values.get(VmxCapabilityMsr.IA32_VMX_VMFUNC)).map(AllowedSettings::fromAllowed1Mask);
  }

  /**
   * The allowed settings of a control field: from its TRUE capability MSR when IA32_VMX_BASIC bit 55 is
   * 1 and the field has one, else from its plain capability MSR (SDM Vol. 3D A.2, and SDM Vol. 3C
   * 31.5.1 Algorithm 3). Empty when that MSR does not exist: the processor does not support the field
   * (no secondary controls, no tertiary controls, no secondary VM-exit controls), or is unknown
   * ({@link #knows(ControlKind)}). When the TRUE MSR is missing the plain one stands in
   * ({@link #defaultOnesShownFixed}).
   */
  public Optional<ControlCapability> controlCapability(ControlKind kind) {
    return controls.get(kind);
  }

  private Optional<ControlCapability> decideControlCapability(ControlKind kind) {
    VmxCapabilityMsr msr = kind.capabilityMsrInForce(basic().trueControls());
    if (defaultOnesShownFixed(kind)) {
      msr = kind.capabilityMsr();
    }
    Long value = values.get(msr);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(new ControlCapability(kind, msr, AllowedSettings.fromMsr(value, kind.width())));
  }

  /** The text form {@link #parse} reads back: one {@code 0xMSR 0xVALUE # NAME} line an MSR, in address order. */
  public String toProfileText() {
    StringBuilder text = new StringBuilder();
    values.forEach((msr, value) -> text.append(String.format("0x%03X 0x%016X  # %s%n", msr.address(), value, msr.name())));
    return text.toString();
  }

  private long required(VmxCapabilityMsr msr) {
    Long value = values.get(msr);
    if (value == null) {
      throw new IllegalStateException(msr.describe() + " is unknown: the profile lacks it");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VmxCapabilities that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "VmxCapabilities" + msrs();
  }
}
