// Residents' phones run on China time. Set it before jest starts its workers (they inherit the
// environment) so date formatting in tests does not depend on the machine's time zone.
module.exports = () => {
  process.env.TZ = 'Asia/Shanghai';
};
