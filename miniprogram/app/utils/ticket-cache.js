// Tickets kept on the phone (wx storage), so the ticket page opens in a village hall with no signal.

const PREFIX = 'kepu.ticket.';

function keep(signupId, ticket) {
  wx.setStorageSync(PREFIX + signupId, ticket);
}

function read(signupId) {
  return wx.getStorageSync(PREFIX + signupId) || null;
}

function drop(signupId) {
  wx.removeStorageSync(PREFIX + signupId);
}

module.exports = { keep, read, drop };
