package cn.yunxi.kepu.quiz;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One question of an attempt as stored: the snapshot of the question it showed and the order it showed the options
 * in ({@code order.get(i)} is the bank index of the option at position i). Written as a two-element JSON array.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
record PaperRef(long snapshot, List<Integer> order) {
}
