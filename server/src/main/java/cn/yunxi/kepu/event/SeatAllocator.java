package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.concurrent.RequestCombiner;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Decides seats for signups, many at a time. Signups for the same event queue up in this instance (a
 * {@link RequestCombiner} per event), and each batch of them is placed in ONE transaction: lock the
 * event row, give seats in queue order while {@code taken < capacity} (then waitlist, or refuse when there is
 * no waitlist), insert the batch's signups with one statement (the unique key refuses a second active signup of
 * the same person; then they are inserted one by one to tell who), and add the seats with one conditional update. The event row lock serialises batches of all instances, the ids
 * assigned under it are the arrival order, and a flash crowd costs one commit per batch instead of one per
 * person, without queueing hundreds of requests on the connection pool.
 */
@Component
class SeatAllocator {

    static final int MAX_BATCH = 200;

    private final EventMapper events;
    private final SignupMapper signups;
    private final SignupBatchWriter bulk;
    private final TransactionTemplate transactions;
    private final ConcurrentHashMap<Long, RequestCombiner<Request, Placement>> queues = new ConcurrentHashMap<>();

    SeatAllocator(EventMapper events, SignupMapper signups, SignupBatchWriter bulk, PlatformTransactionManager txManager) {
        this.events = events;
        this.signups = signups;
        this.bulk = bulk;
        this.transactions = new TransactionTemplate(txManager);
    }

    /** What happened to one signup: placed (confirmed or waitlisted) or refused with an error. */
    /** @param waitlistPosition for a waitlisted signup, its place in the queue when it was placed */
    record Placement(Signup signup, Integer waitlistPosition, ApiException refusal) {
    }

    private record Request(Signup signup, LocalDateTime now) {
    }

    /**
     * Places the signup (its fields filled in except status and times); blocks until it is placed.
     * @throws ApiException EVENT_FULL, SIGNUP_CLOSED or ALREADY_SIGNED_UP
     */
    Placement place(Signup signup, LocalDateTime now) {
        long eventId = signup.getEventId();
        Placement placement = queues.computeIfAbsent(eventId, id -> new RequestCombiner<>(MAX_BATCH,
                batch -> placeInOneTransaction(id, batch))).submit(new Request(signup, now));
        if (placement.refusal() != null) {
            throw placement.refusal();
        }
        return placement;
    }

    /** Places the signups as one batch, as the queue hands a crowd over (so a test can choose the batch). */
    List<Placement> placeAsOneBatch(long eventId, List<Signup> batch, LocalDateTime now) {
        return placeInOneTransaction(eventId, batch.stream().map(s -> new Request(s, now)).toList());
    }

    private List<Placement> placeInOneTransaction(long eventId, List<Request> batch) {
        // The batch's time is its first signup's: everyone in it was placed in the same instant.
        LocalDateTime now = batch.get(0).now();
        return transactions.execute(status -> batch.size() == 1
                ? placeAlone(eventId, batch.get(0), now, status) : placeBatch(eventId, batch, now));
    }

    /**
     * No one else is waiting: one conditional update takes a seat if there is one (it locks the event row, like
     * the batch does); only a full event goes the batch way, for the waitlist position.
     */
    private List<Placement> placeAlone(long eventId, Request request, LocalDateTime now,
                                       org.springframework.transaction.TransactionStatus status) {
        if (events.takeSeat(eventId) != 1) {
            return placeBatch(eventId, List.of(request), now);
        }
        Signup s = request.signup();
        prepare(s, true, now);
        try {
            signups.place(s);
        } catch (DuplicateKeyException e) {
            // Give the seat back with everything else of this transaction.
            status.setRollbackOnly();
            s.setId(null);
            return List.of(new Placement(null, null, alreadySignedUp(s)));
        }
        return List.of(new Placement(s, null, null));
    }

    private static ApiException alreadySignedUp(Signup s) {
        return new ApiException(EventErrors.ALREADY_SIGNED_UP, Boolean.TRUE.equals(s.getProxy())
                ? "此人已报名本活动，无需重复报名" : EventErrors.ALREADY_SIGNED_UP.message());
    }

    private List<Placement> placeBatch(long eventId, List<Request> batch, LocalDateTime now) {
        SignupBatchWriter.SeatState event = bulk.lock(eventId);
        if (event == null || !EventStatus.PUBLISHED.name().equals(event.status())) {
            List<Placement> out = new ArrayList<>(batch.size());
            batch.forEach(b -> out.add(new Placement(null, null, new ApiException(EventErrors.SIGNUP_CLOSED))));
            return out;
        }
        int free = event.capacity() - event.taken();
        // Counted once under the lock, so each waitlisted signup of the batch knows its exact place.
        boolean waitlist = event.waitlistEnabled();
        int waiting = batch.size() > free && waitlist ? signups.count(eventId, SignupStatus.WAITLISTED.name()) : 0;
        Decided decided = batch.size() > 1 ? insertAtOnce(eventId, waitlist, batch, now, free, waiting) : null;
        if (decided == null) {
            decided = insertOneByOne(waitlist, batch, now, free, waiting);
        }
        if (decided.seats() > 0 && events.takeSeats(eventId, decided.seats()) != 1) {
            // Cannot happen while the row is locked; if it did, nothing of this batch may stand.
            throw new IllegalStateException("seat count changed under the event lock");
        }
        return decided.placements();
    }

    /** What a batch came to: one placement per request, and how many seats it took. */
    private record Decided(List<Placement> placements, int seats) {
    }

    /**
     * All rows in one statement. Returns null, having written nothing, when someone of the batch already holds an
     * active signup (or is in it twice): then {@link #insertOneByOne} tells exactly who, and the others are placed
     * as if that person had not asked.
     */
    private Decided insertAtOnce(long eventId, boolean waitlist, List<Request> batch, LocalDateTime now, int free,
                                 int waiting) {
        List<Signup> rows = new ArrayList<>(batch.size());
        Decided decided = decide(waitlist, batch, now, free, waiting, rows::add);
        if (rows.isEmpty()) {
            return decided;
        }
        try {
            bulk.insertAll(eventId, rows);
        } catch (DuplicateKeyException e) {
            // The failed statement left no row behind; the transaction goes on.
            rows.forEach(s -> s.setId(null));
            return null;
        }
        return decided;
    }

    private Decided insertOneByOne(boolean waitlist, List<Request> batch, LocalDateTime now, int free, int waiting) {
        return decide(waitlist, batch, now, free, waiting, s -> {
            try {
                signups.place(s);
                return true;
            } catch (DuplicateKeyException e) {
                // Only this statement failed; the batch transaction goes on.
                return false;
            }
        });
    }

    /**
     * Walks the batch in queue order: a seat while any is free, then the waitlist (or EVENT_FULL without one).
     * {@code write} puts one signup down and says whether it stands; false means that person already holds an
     * active signup, which takes no seat.
     */
    private static Decided decide(boolean waitlist, List<Request> batch, LocalDateTime now, int free, int waiting,
                                  Predicate<Signup> write) {
        List<Placement> out = new ArrayList<>(batch.size());
        int seats = 0;
        for (Request request : batch) {
            Signup s = request.signup();
            boolean seat = seats < free;
            if (!seat && !waitlist) {
                out.add(new Placement(null, null, new ApiException(EventErrors.EVENT_FULL)));
                continue;
            }
            prepare(s, seat, now);
            if (!write.test(s)) {
                s.setId(null);
                out.add(new Placement(null, null, alreadySignedUp(s)));
            } else if (seat) {
                seats++;
                out.add(new Placement(s, null, null));
            } else {
                out.add(new Placement(s, ++waiting, null));
            }
        }
        return new Decided(out, seats);
    }

    private static void prepare(Signup s, boolean seat, LocalDateTime now) {
        s.setStatus(seat ? SignupStatus.CONFIRMED.name() : SignupStatus.WAITLISTED.name());
        s.setActivePersonKey(s.getPersonKey());
        s.setCreatedAt(now);
        s.setConfirmedAt(seat ? now : null);
    }
}
