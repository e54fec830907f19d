package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yunxi.kepu.resident.PopulationGroup;
import tools.jackson.core.type.TypeReference;

/**
 * An event with its sessions and parsed settings, as read in one go. Never modified: a change builds a new one.
 * Seat figures in it may be a moment old; the database's conditional update is what decides a seat.
 */
record EventSnapshot(Event event, List<EventSession> sessions, List<FormField> formFields,
                     Set<PopulationGroup> groups, Set<String> regions, List<String> indicatorCodes,
                     String unitName, boolean knownFull) {

    private static final TypeReference<List<FormField>> FIELDS = new TypeReference<>() {
    };

    static EventSnapshot of(Event event, List<EventSession> sessions, String unitName) {
        List<FormField> fields = event.getFormFields() == null || event.getFormFields().isBlank()
                ? List.of() : SignupForms.json().readValue(event.getFormFields(), FIELDS);
        Set<PopulationGroup> groups = split(event.getEligibleGroups()).stream().map(PopulationGroup::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return new EventSnapshot(event, List.copyOf(sessions), fields, groups,
                Set.copyOf(split(event.getEligibleRegions())), split(event.getIndicatorCodes()), unitName, false);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static String join(List<?> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(Object::toString).distinct().collect(Collectors.joining(","));
    }

    long id() {
        return event.getId();
    }

    EventStatus status() {
        return EventStatus.valueOf(event.getStatus());
    }

    EventKind kind() {
        return EventKind.valueOf(event.getKind());
    }

    /** Full and no waitlist: a signup would be refused, so the refusal needs no write. */
    boolean refusesNewSignups() {
        return !Boolean.TRUE.equals(event.getWaitlistEnabled())
                && (knownFull || event.getTaken() >= event.getCapacity());
    }

    EventSnapshot markedFull() {
        return new EventSnapshot(event, sessions, formFields, groups, regions, indicatorCodes, unitName, true);
    }

    Optional<EventSession> session(long sessionId) {
        return sessions.stream().filter(s -> s.getId() == sessionId).findFirst();
    }

    /** The session on now: check-in opens {@code early} before a session starts and stays open until it ends. */
    Optional<EventSession> currentSession(LocalDateTime now, java.time.Duration early) {
        return sessions.stream()
                .filter(s -> !now.isBefore(s.getStartsAt().minus(early)) && now.isBefore(s.getEndsAt()))
                .findFirst();
    }

    /** The session one can check out of now: the latest that has started and ended at most {@code late} ago. */
    Optional<EventSession> sessionForCheckOut(LocalDateTime now, java.time.Duration late) {
        return sessions.stream()
                .filter(s -> !now.isBefore(s.getStartsAt()) && !now.isAfter(s.getEndsAt().plus(late)))
                .reduce((first, second) -> second);
    }

    /** The end of the last session. */
    LocalDateTime lastEnd() {
        return sessions.stream().map(EventSession::getEndsAt).max(LocalDateTime::compareTo)
                .orElse(event.getEndsAt());
    }
}
