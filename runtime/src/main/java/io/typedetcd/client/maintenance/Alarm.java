package io.typedetcd.client.maintenance;

import java.util.Objects;

/**
 * An alarm raised by one member.
 *
 * <pre>{@code
 * for (Alarm a : client.maintenance().alarms().join()) {
 *   if (a.type() == Alarm.Type.NOSPACE) { ... free space, defragment ...; maintenance.disarm(a); }
 * }
 * }</pre>
 *
 * @param memberId the member that raised it
 * @param type what is wrong
 */
public record Alarm(long memberId, Type type) {
  /** What an alarm is about. */
  public enum Type {
    /** The backend reached its quota: writes fail until space is freed and the alarm cleared. */
    NOSPACE,
    /** The member's data was found corrupt. */
    CORRUPT
  }

  public Alarm {
    Objects.requireNonNull(type, "type");
  }
}
