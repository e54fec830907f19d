package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.event.SeatAllocator.Placement;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;

/**
 * A batch of signups is written with one statement; when someone in it already holds a signup (or asks twice in
 * the same batch) the batch is placed one by one instead. Either way the outcome is the one the queue order
 * gives: seats first, then the waitlist in order, or "full"; a person once.
 */
@KepuIntegrationTest
class SeatBatchIT {

    private static final AtomicLong PEOPLE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    int port;
    @Autowired
    SeatAllocator allocator;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String staff;
    final LocalDateTime now = LocalDateTime.now().withNano(0);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
    }

    @Test
    void aBatchTakesTheSeatsInOrderThenTheWaitlistInOrder() {
        long eventId = published(api, staff, event().set("capacity", 3)).path("id").asLong();
        List<Signup> batch = List.of(person(eventId), person(eventId), person(eventId), person(eventId), person(eventId));

        List<Placement> placed = allocator.placeAsOneBatch(eventId, batch, now);

        assertThat(placed).extracting(p -> p.signup().getStatus())
                .containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED");
        assertThat(placed).extracting(Placement::waitlistPosition).containsExactly(null, null, null, 1, 2);
        List<Long> ids = placed.stream().map(p -> p.signup().getId()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("SELECT id FROM event_signup WHERE event_id = ? ORDER BY id", Long.class, eventId))
                .isEqualTo(ids);
        for (Placement p : placed) {
            assertThat(jdbc.queryForObject("SELECT CONCAT(person_key, '/', status) FROM event_signup WHERE id = ?",
                    String.class, p.signup().getId())).isEqualTo(p.signup().getPersonKey() + "/" + p.signup().getStatus());
        }
        assertThat(taken(eventId)).isEqualTo(3);
    }

    @Test
    void someoneAlreadySignedUpOrAskingTwiceIsRefusedAndTheOthersArePlacedAsIfTheyHadNotAsked() {
        long eventId = published(api, staff, event().set("capacity", 2)).path("id").asLong();
        Signup early = person(eventId);
        assertThat(allocator.placeAsOneBatch(eventId, List.of(early), now).get(0).signup().getStatus())
                .isEqualTo("CONFIRMED");

        Signup again = copyOf(early);
        Signup first = person(eventId);
        Signup twice = copyOf(first);
        Signup last = person(eventId);
        List<Placement> placed = allocator.placeAsOneBatch(eventId, List.of(again, first, twice, last), now);

        assertThat(placed.get(0).refusal().errorCode()).isEqualTo(EventErrors.ALREADY_SIGNED_UP);
        assertThat(placed.get(1).signup().getStatus()).isEqualTo("CONFIRMED");
        assertThat(placed.get(2).refusal().errorCode()).isEqualTo(EventErrors.ALREADY_SIGNED_UP);
        assertThat(placed.get(3).signup().getStatus()).isEqualTo("WAITLISTED");
        assertThat(placed.get(3).waitlistPosition()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, eventId))
                .isEqualTo(3);
        assertThat(taken(eventId)).isEqualTo(2);
    }

    @Test
    void withoutAWaitlistThoseBeyondTheSeatsAreToldItIsFull() {
        long eventId = published(api, staff, event().set("capacity", 2).set("waitlistEnabled", false))
                .path("id").asLong();
        List<Placement> placed = allocator.placeAsOneBatch(eventId,
                List.of(person(eventId), person(eventId), person(eventId), person(eventId)), now);

        assertThat(placed.subList(0, 2)).allSatisfy(p -> assertThat(p.signup().getStatus()).isEqualTo("CONFIRMED"));
        assertThat(placed.subList(2, 4)).allSatisfy(p -> assertThat(p.refusal().errorCode()).isEqualTo(EventErrors.EVENT_FULL));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, eventId))
                .isEqualTo(2);
        assertThat(taken(eventId)).isEqualTo(2);
    }

    private int taken(long eventId) {
        return jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, eventId);
    }

    /** A resident's own signup as the signup service hands it to the allocator (the id need not be a real one). */
    private static Signup person(long eventId) {
        long residentId = 900_000_000L + PEOPLE.incrementAndGet();
        Signup s = new Signup();
        s.setEventId(eventId);
        s.setResidentId(residentId);
        s.setPersonKey("R:" + residentId);
        s.setProxy(false);
        return s;
    }

    private static Signup copyOf(Signup original) {
        Signup s = person(original.getEventId());
        s.setResidentId(original.getResidentId());
        s.setPersonKey(original.getPersonKey());
        return s;
    }
}
