// One content card in the feed and in 我的收藏. A component so both lists look the same; it
// receives the page's 关怀模式 flag because app.wxss does not reach inside components.

Component({
  properties: {
    item: { type: Object, value: {} },
    elder: { type: Boolean, value: false },
  },

  methods: {
    onTap() {
      this.triggerEvent('open', { id: this.data.item.id });
    },
  },
});
