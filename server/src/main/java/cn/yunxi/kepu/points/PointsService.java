package cn.yunxi.kepu.points;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;

/**
 * The only way points enter the ledger. Other features call {@link #award} (or publish
 * {@code ParticipationRecorded}, which this feature turns into points); nobody else writes the ledger table.
 */
@Service
@EnableConfigurationProperties(PointsProperties.class)
public class PointsService {

    private final PointsLedgerMapper ledger;
    private final PointsLedgerBatchWriter lines;
    private final PointsTotalsBatchWriter dailyTotals;
    private final PointsProperties properties;
    private final Clock clock;

    PointsService(PointsLedgerMapper ledger, PointsLedgerBatchWriter lines, PointsTotalsBatchWriter dailyTotals,
                  PointsProperties properties, Clock clock) {
        this.ledger = ledger;
        this.lines = lines;
        this.dailyTotals = dailyTotals;
        this.properties = properties;
        this.clock = clock;
    }

    /** One award of a batch: points requested for one source. */
    public record Grant(String sourceKey, int amount) {
        public Grant {
            if (amount <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
            if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 64) {
                throw new IllegalArgumentException("sourceKey must be 1..64 characters");
            }
        }
    }

    /**
     * Credits {@code amount} points for {@code reason}, at most up to the reason's daily cap (today in
     * Asia/Shanghai). Idempotent on (reason, sourceKey): a second call with the same pair credits nothing and
     * reports the first award. Joins the caller's transaction, so the points stand or fall with what earned them.
     */
    @Transactional
    public PointsAward award(long residentId, PointsReason reason, String sourceKey, int amount) {
        return awardAll(residentId, reason, List.of(new Grant(sourceKey, amount))).get(0);
    }

    /**
     * Several awards of one resident for one reason (a contest's entry and its pass), in order, under one lock of
     * the day's total: the same outcome as calling {@link #award} for each, in fewer statements.
     */
    @Transactional
    public List<PointsAward> awardAll(long residentId, PointsReason reason, List<Grant> grants) {
        LocalDateTime now = Times.now(clock);
        LocalDate day = now.toLocalDate();
        // Lock the day's running total first: concurrent awards for this resident and reason wait here, so the
        // cap holds. The row is created on the day's first award only (locking a missing row locks nothing).
        Integer locked = ledger.lockDailyTotal(residentId, reason.name(), day);
        if (locked == null) {
            ledger.ensureDailyTotal(residentId, reason.name(), day);
            locked = ledger.lockDailyTotal(residentId, reason.name(), day);
        }
        int total = locked;
        int added = 0;
        List<PointsAward> awards = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            int granted = Math.max(0, Math.min(grant.amount(), properties.capOf(reason) - total));
            PointsLedgerEntry entry = new PointsLedgerEntry();
            entry.setResidentId(residentId);
            entry.setReason(reason.name());
            entry.setSourceKey(grant.sourceKey());
            entry.setRequested(grant.amount());
            entry.setAmount(granted);
            entry.setAwardDay(day);
            entry.setCreatedAt(now);
            try {
                ledger.add(entry);
            } catch (DuplicateKeyException repeated) {
                // Awarded before (a retry or a redelivered event): the unique (reason, source) key kept it single,
                // and that first award is the answer. Only this statement failed; the transaction goes on.
                PointsLedgerEntry first = ledger.findBySource(reason.name(), grant.sourceKey());
                awards.add(new PointsAward(reason, grant.sourceKey(), first.getRequested(), first.getAmount(), true));
                continue;
            }
            total += granted;
            added += granted;
            awards.add(new PointsAward(reason, grant.sourceKey(), grant.amount(), granted, false));
        }
        if (added > 0) {
            ledger.addToDailyTotal(residentId, reason.name(), day, added);
        }
        return awards;
    }

    /**
     * One award for one resident, as part of a batch for many. {@code newSource}: the caller knows nothing can have
     * been awarded for this source yet (it names something this transaction just created), so the batch need not
     * look it up; were it there after all, the ledger's unique key refuses the batch's insert and the batch falls
     * back to one award at a time, which skips it.
     */
    public record ResidentGrant(long residentId, Grant grant, boolean newSource) {

        public ResidentGrant(long residentId, Grant grant) {
            this(residentId, grant, false);
        }
    }

    /**
     * Awards of many residents for one reason (a batch of graded contest attempts), with the same outcome as
     * {@link #awardAll} per resident, in a fixed number of statements: the residents' day totals are locked
     * together (in resident order, as every batch locks them), sources awarded before are skipped, and the new
     * ledger lines and totals are written with one statement each. Awards of a source are always made under its
     * resident's total lock, so the check for earlier awards cannot race; should a source still collide (another
     * resident's, by a caller's mistake), the batch falls back to one award at a time.
     */
    @Transactional
    public void awardEach(PointsReason reason, List<ResidentGrant> grants) {
        if (grants.isEmpty()) {
            return;
        }
        LocalDateTime now = Times.now(clock);
        LocalDate day = now.toLocalDate();
        List<Long> residentIds = grants.stream().map(ResidentGrant::residentId).distinct().sorted().toList();
        Map<Long, Integer> totals = dailyTotals.lock(residentIds, reason.name(), day);
        List<String> unknown = grants.stream().filter(g -> !g.newSource()).map(g -> g.grant().sourceKey()).toList();
        Set<String> done = new HashSet<>(unknown.isEmpty() ? List.of()
                : dailyTotals.existingSources(reason.name(), unknown));
        List<PointsLedgerEntry> newLines = new ArrayList<>();
        Map<Long, Integer> added = new LinkedHashMap<>();
        for (ResidentGrant g : grants) {
            if (!done.add(g.grant().sourceKey())) {
                continue; // awarded before (a retry, a second attempt) or twice in this batch: the first stands
            }
            int total = totals.getOrDefault(g.residentId(), 0);
            int granted = Math.max(0, Math.min(g.grant().amount(), properties.capOf(reason) - total));
            totals.put(g.residentId(), total + granted);
            added.merge(g.residentId(), granted, Integer::sum);
            PointsLedgerEntry entry = new PointsLedgerEntry();
            entry.setResidentId(g.residentId());
            entry.setReason(reason.name());
            entry.setSourceKey(g.grant().sourceKey());
            entry.setRequested(g.grant().amount());
            entry.setAmount(granted);
            entry.setAwardDay(day);
            entry.setCreatedAt(now);
            newLines.add(entry);
        }
        if (newLines.isEmpty()) {
            return;
        }
        try {
            lines.insertAll(newLines);
        } catch (DuplicateKeyException collided) {
            // Only this statement failed, nothing of it was written; the totals are as locked.
            grants.forEach(g -> awardAll(g.residentId(), reason, List.of(g.grant())));
            return;
        }
        dailyTotals.add(added, reason.name(), day);
    }

    /**
     * Takes back what an earlier award granted (the source no longer counts), as a new negative ledger line
     * keyed {@code <sourceKey>#revoked}. Idempotent; does nothing when nothing was granted.
     */
    @Transactional
    public void revoke(PointsReason reason, String sourceKey) {
        PointsLedgerEntry original = ledger.findBySource(reason.name(), sourceKey);
        if (original == null || original.getAmount() <= 0) {
            return;
        }
        PointsLedgerEntry reversal = new PointsLedgerEntry();
        reversal.setResidentId(original.getResidentId());
        reversal.setReason(reason.name());
        reversal.setSourceKey(revokedKey(sourceKey));
        reversal.setRequested(-original.getAmount());
        reversal.setAmount(-original.getAmount());
        LocalDateTime now = Times.now(clock);
        reversal.setAwardDay(now.toLocalDate());
        reversal.setCreatedAt(now);
        try {
            ledger.add(reversal);
        } catch (DuplicateKeyException alreadyRevoked) {
            // revoked before: nothing more to do
        }
    }

    public PointsBalance balance(long residentId) {
        Map<String, Integer> today = ledger.dailyTotals(residentId, Times.now(clock).toLocalDate()).stream()
                .collect(Collectors.toMap(PointsLedgerMapper.DailyTotal::getReason,
                        PointsLedgerMapper.DailyTotal::getTotal));
        List<PointsBalance.Today> perReason = Arrays.stream(PointsReason.values())
                .map(r -> new PointsBalance.Today(r, r.label(), today.getOrDefault(r.name(), 0), properties.capOf(r)))
                .toList();
        return new PointsBalance(ledger.balance(residentId), perReason);
    }

    public PageResult<PointsEntry> history(long residentId, PageQuery query) {
        Page<PointsLedgerEntry> page = ledger.selectPage(new Page<>(query.pageOrDefault(), query.sizeOrDefault()),
                new LambdaQueryWrapper<PointsLedgerEntry>()
                        .eq(PointsLedgerEntry::getResidentId, residentId)
                        .orderByDesc(PointsLedgerEntry::getId));
        return PageResult.of(page.getRecords().stream().map(PointsService::view).toList(), page.getTotal(), query);
    }

    List<PointsEntry> all(long residentId) {
        return ledger.selectList(new LambdaQueryWrapper<PointsLedgerEntry>()
                        .eq(PointsLedgerEntry::getResidentId, residentId)
                        .orderByAsc(PointsLedgerEntry::getId))
                .stream().map(PointsService::view).toList();
    }

    static String revokedKey(String sourceKey) {
        return sourceKey.length() > 56 ? sourceKey.substring(0, 56) + "#revoked" : sourceKey + "#revoked";
    }

    private static PointsEntry view(PointsLedgerEntry e) {
        PointsReason reason = PointsReason.valueOf(e.getReason());
        return new PointsEntry(e.getId(), reason, reason.label(), e.getSourceKey(), e.getRequested(), e.getAmount(),
                e.getAwardDay(), Times.toOffset(e.getCreatedAt()));
    }
}
