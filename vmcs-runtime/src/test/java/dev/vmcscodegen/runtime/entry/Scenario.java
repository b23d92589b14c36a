package dev.vmcscodegen.runtime.entry;

import dev.vmcscodegen.runtime.capability.VmxCapabilityMsr;
import dev.vmcscodegen.runtime.image.VmcsImage;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * A test input for the checker: an image, a capability profile, processor facts and a physical
 * memory map (address to little-endian bytes), with small withers so each test states one change.
 */
record Scenario(VmcsImage image, EntryCapabilities capabilities, ProcessorFacts facts, Map<Long, Long> memory) {

  Scenario {
    memory = Map.copyOf(memory);
  }

  Scenario set(int encoding, long value) {
    return new Scenario(image.with(encoding, value), capabilities, facts, memory);
  }

  Scenario or(int encoding, long bits) {
    return set(encoding, image.value(encoding).orElseThrow() | bits);
  }

  Scenario clear(int encoding, long bits) {
    return set(encoding, image.value(encoding).orElseThrow() & ~bits);
  }

  Scenario remove(int encoding) {
    return new Scenario(image.without(encoding), capabilities, facts, memory);
  }

  Scenario facts(UnaryOperator<ProcessorFacts> change) {
    return new Scenario(image, capabilities, change.apply(facts), memory);
  }

  Scenario msr(VmxCapabilityMsr msr, long value) {
    Map<Integer, Long> msrs = new HashMap<>(capabilities.msrs());
    msrs.put(msr.address(), value);
    return new Scenario(image, new EntryCapabilities(msrs), facts, memory);
  }

  /** Memory holding {@code value} in the byte-addressed little-endian 8 bytes at {@code address}. */
  Scenario memory(long address, long value) {
    Map<Long, Long> copy = new HashMap<>(memory);
    for (int i = 0; i < 8; i++) {
      copy.put(address + i, (value >>> (8 * i)) & 0xFF);
    }
    return new Scenario(image, capabilities, facts, copy);
  }

  /** The memory map as a {@link PhysicalMemory}, or null when there is none. */
  PhysicalMemory physicalMemory() {
    if (memory.isEmpty()) {
      return null;
    }
    return (address, bytes) -> {
      long value = 0;
      for (int i = bytes - 1; i >= 0; i--) {
        Long b = memory.get(address + i);
        if (b == null) {
          return OptionalLong.empty();
        }
        value = (value << 8) | b;
      }
      return OptionalLong.of(value);
    };
  }

  EntryReport check() {
    return EntryChecker.standard().check(image, capabilities, facts, physicalMemory());
  }
}
