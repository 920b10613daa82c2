package org.neuromechfly.dmn.connectome.importer;

import java.util.Arrays;

/**
 * Open-addressing map from int64 neuron ids to dense indices. Boxed {@code HashMap<Long, Integer>}
 * costs ~80 bytes per entry and an allocation per lookup, which dominates reading 5 M FlyWire rows.
 */
final class LongIndex {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;

  LongIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** The index of {@code key}, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** Stores {@code key -> value} unless the key is present; returns the existing value or -1. */
  int putIfAbsent(long key, int value) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("id " + key + " is reserved");
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == EMPTY) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return -1;
      }
    }
  }

  int size() {
    return size;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }
}
