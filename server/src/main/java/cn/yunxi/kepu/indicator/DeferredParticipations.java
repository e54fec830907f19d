package cn.yunxi.kepu.indicator;

import java.util.List;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;

/**
 * Records of a {@code ParticipationsRecorded} batch that could not be applied together in the publisher's
 * transaction (already in the ledger, repeated within the batch, or colliding with a concurrent batch). Published
 * by the ledger to itself in that transaction, so the registry keeps them until they are recorded one by one after
 * the commit, exactly as if each had been published alone.
 */
public record DeferredParticipations(List<ParticipationRecorded> records) {

    public DeferredParticipations {
        records = List.copyOf(records);
    }
}
