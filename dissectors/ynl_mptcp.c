/* ynl_mptcp.c - mptcp_pm and tcp_metrics summaries in ip(8)'s words
 * (`ip mptcp endpoint`, `ip mptcp limits`, `ip mptcp monitor`,
 * `ip tcp_metrics`), and mptcp_pm's IPv4 addresses (big-endian u32s the
 * spec gives no display hint) shown as addresses.
 *
 * Reference: specs/ynl/mptcp_pm.yaml and its overlay, specs/ynl/
 * tcp_metrics.yaml (Linux 7.2); endpoint flags MPTCP_PM_ADDR_FLAG_*:
 * signal 1, subflow 2, backup 4, fullmesh 8, implicit 16, laminar 32
 * (include/uapi/linux/mptcp.h).
 */
#include "emit.h"
#include "sbuf.h"
#include "ynl.h"

bool ynl_ipv4_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *p;

	(void)pol;
	if (nlc_left(c) != 4 || !(p = nlc_bytes(c, 4)))
		return false;
	nl_put_addr(d, key, at, EA_IPV4, p, 4);
	return true;
}
const struct nl_shape ynl_ipv4_shape = NL_SHAPE_FORM("ipv4");

bool ynl_ipv6_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	size_t at = c->pos;
	const uint8_t *p;

	(void)pol;
	if (nlc_left(c) != 16 || !(p = nlc_bytes(c, 16)))
		return false;
	nl_put_addr(d, key, at, EA_IPV6, p, 16);
	return true;
}
const struct nl_shape ynl_ipv6_shape = NL_SHAPE_FORM("ipv6");

/* a recorded 4-byte or 16-byte address */
static bool addr_text(const struct nl_sum_vals *v, int slot, struct sbuf *b)
{
	struct nlc c;
	const uint8_t *p;

	if (!nl_sum_get(v, slot, &c))
		return false;
	if (nlc_left(&c) == 4 && (p = nlc_bytes(&c, 4)))
		sbuf_ipv4(b, p);
	else if (nlc_left(&c) == 16 && (p = nlc_bytes(&c, 16)))
		sbuf_ipv6(b, p);
	else
		return false;
	return true;
}

static bool ynl_text_addr(struct dctx *d, const struct nl_sum_vals *v,
			  const struct nl_sum_part *pt, struct sbuf *b)
{
	(void)d;
	return addr_text(v, pt->slot, b);
}
#define ADDR(s, l) NLS_TEXT_OF((s), -1, (l), ynl_text_addr)

/* endpoint: 192.0.2.1 port 0 id 1 subflow dev misc0 */
static const char *const mp_flag_names[] = {
	"signal", "subflow", "backup", "fullmesh", "implicit", "laminar",
};
static const struct nl_names mp_flags = NL_NAMES(mp_flag_names);

enum { MP_ADDR, MP_A4, MP_A6, MP_PORT, MP_ID, MP_FLAGS, MP_DEV, MP_RCV, MP_SUBFLOWS };
static const struct spec_sum_field mp_fields[] = {
	[MP_ADDR] = SPEC_SUM_ATTR("addr"),
	[MP_A4] = SPEC_SUM_IN("address", "addr4", MP_ADDR),
	[MP_A6] = SPEC_SUM_IN("address", "addr6", MP_ADDR),
	[MP_PORT] = SPEC_SUM_IN("address", "port", MP_ADDR),
	[MP_ID] = SPEC_SUM_IN("address", "id", MP_ADDR),
	[MP_FLAGS] = SPEC_SUM_IN("address", "flags", MP_ADDR),
	[MP_DEV] = SPEC_SUM_IN("address", "if-idx", MP_ADDR),
};

static bool mp_port(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		    struct sbuf *b)
{
	uint64_t port;

	(void)d;
	if (!ynl_sum_uint(v, pt->slot, &port) || !port)
		return false;
	sbuf_printf(b, "%llu", (unsigned long long)port);
	return true;
}

static bool mp_ep_flags(struct dctx *d, const struct nl_sum_vals *v,
			const struct nl_sum_part *pt, struct sbuf *b)
{
	uint32_t f;

	(void)d;
	if (!nl_sum_u32(v, pt->slot, &f) || !f)
		return false;
	sbuf_bit_names(b, &mp_flags, f, ' ');
	return true;
}

static const struct nl_sum_part mp_parts[] = {
	ADDR(MP_A4, " "),
	ADDR(MP_A6, " "),
	NLS_TEXT_OF(MP_PORT, -1, " port ", mp_port),
	YNL_VAL(MP_ID, " id "),
	NLS_TEXT_OF(MP_FLAGS, -1, " ", mp_ep_flags),
	NLS_PART(NLS_DEV, MP_DEV, " dev "),
};
const struct spec_summary ynl_mptcp_endpoint_sum = SPEC_SUMMARY(mp_fields, mp_parts);

/* limits: add_addr_accepted 2 subflows 2 */
enum { ML_RCV, ML_SUBFLOWS };
static const struct spec_sum_field ml_fields[] = {
	[ML_RCV] = SPEC_SUM_ATTR("rcv-add-addrs"),
	[ML_SUBFLOWS] = SPEC_SUM_ATTR("subflows"),
};
static const struct nl_sum_part ml_parts[] = {
	NLS_PART(NLS_U32, ML_RCV, " add_addr_accepted "),
	NLS_PART(NLS_U32, ML_SUBFLOWS, " subflows "),
};
const struct spec_summary ynl_mptcp_limits_sum = SPEC_SUMMARY(ml_fields, ml_parts);

/* events, as ip mptcp monitor: token=4f8640c8 remid=0 locid=0
 * saddr4=192.0.2.1 daddr4=192.0.2.1 sport=47822 dport=9100 */
enum { ME_TOKEN, ME_REM, ME_LOC, ME_S4, ME_S6, ME_D4, ME_D6, ME_SPORT, ME_DPORT };
static const struct spec_sum_field me_fields[] = {
	[ME_TOKEN] = SPEC_SUM_ATTR("token"),
	[ME_REM] = SPEC_SUM_ATTR("rem-id"),
	[ME_LOC] = SPEC_SUM_ATTR("loc-id"),
	[ME_S4] = SPEC_SUM_ATTR("saddr4"),
	[ME_S6] = SPEC_SUM_ATTR("saddr6"),
	[ME_D4] = SPEC_SUM_ATTR("daddr4"),
	[ME_D6] = SPEC_SUM_ATTR("daddr6"),
	[ME_SPORT] = SPEC_SUM_ATTR("sport"),
	[ME_DPORT] = SPEC_SUM_ATTR("dport"),
};

static bool me_token(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	uint32_t t;

	(void)d;
	if (!nl_sum_u32(v, pt->slot, &t))
		return false;
	sbuf_printf(b, "%08x", t);
	return true;
}

static const struct nl_sum_part me_parts[] = {
	NLS_TEXT_OF(ME_TOKEN, -1, " token=", me_token),
	YNL_VAL(ME_REM, " remid="),
	YNL_VAL(ME_LOC, " locid="),
	ADDR(ME_S4, " saddr4="),
	ADDR(ME_S6, " saddr6="),
	ADDR(ME_D4, " daddr4="),
	ADDR(ME_D6, " daddr6="),
	YNL_VAL(ME_SPORT, " sport="),
	YNL_VAL(ME_DPORT, " dport="),
};
const struct spec_summary ynl_mptcp_event_sum = SPEC_SUMMARY(me_fields, me_parts);

/* tcp_metrics: 192.0.2.2 age 2184ms cwnd 10 rtt 340us rttvar 340us
 * source 192.0.2.1 */
enum { TM_A4, TM_A6, TM_AGE, TM_VALS, TM_CWND, TM_RTT, TM_RTTVAR, TM_S4, TM_S6 };
static const struct spec_sum_field tm_fields[] = {
	[TM_A4] = SPEC_SUM_ATTR("addr-ipv4"),
	[TM_A6] = SPEC_SUM_ATTR("addr-ipv6"),
	[TM_AGE] = SPEC_SUM_ATTR("age"),
	[TM_VALS] = SPEC_SUM_ATTR("vals"),
	[TM_CWND] = SPEC_SUM_IN("metrics", "cwnd", TM_VALS),
	[TM_RTT] = SPEC_SUM_IN("metrics", "rtt-us", TM_VALS),
	[TM_RTTVAR] = SPEC_SUM_IN("metrics", "rttvar-us", TM_VALS),
	[TM_S4] = SPEC_SUM_ATTR("saddr-ipv4"),
	[TM_S6] = SPEC_SUM_ATTR("saddr-ipv6"),
};

/* age in ms as ip prints it: 2.184sec */
static bool tm_age(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		   struct sbuf *b)
{
	uint64_t ms;

	(void)d;
	if (!ynl_sum_uint(v, pt->slot, &ms))
		return false;
	sbuf_printf(b, "%llu.%03llusec", (unsigned long long)(ms / 1000),
		    (unsigned long long)(ms % 1000));
	return true;
}

/* the kernel keeps rtt in 1/8 us and rttvar in 1/4 us (ip shows us) */
static bool tm_scaled(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	uint64_t x;

	(void)d;
	if (!ynl_sum_uint(v, pt->slot, &x))
		return false;
	sbuf_printf(b, "%lluus", (unsigned long long)(x >> (pt->slot == TM_RTT ? 3 : 2)));
	return true;
}

static const struct nl_sum_part tm_parts[] = {
	ADDR(TM_A4, " "),
	ADDR(TM_A6, " "),
	NLS_TEXT_OF(TM_AGE, -1, " age ", tm_age),
	YNL_VAL(TM_CWND, " cwnd "),
	NLS_TEXT_OF(TM_RTT, -1, " rtt ", tm_scaled),
	NLS_TEXT_OF(TM_RTTVAR, -1, " rttvar ", tm_scaled),
	ADDR(TM_S4, " source "),
	ADDR(TM_S6, " source "),
};
const struct spec_summary ynl_tcp_metrics_sum = SPEC_SUMMARY(tm_fields, tm_parts);

/* netdev: ifindex, xdp features, queue and napi ids */
enum { ND_IFINDEX, ND_XDP, ND_ID, ND_TYPE, ND_NAPI };
static const struct spec_sum_field nd_dev_fields[] = {
	[ND_IFINDEX] = SPEC_SUM_ATTR("ifindex"),
	[ND_XDP] = SPEC_SUM_ATTR("xdp-features"),
};
static const struct nl_sum_part nd_dev_parts[] = {
	NLS_PART(NLS_DEV, ND_IFINDEX, " dev "),
	YNL_VAL(ND_XDP, " xdp-features "),
};
const struct spec_summary ynl_netdev_dev_sum = SPEC_SUMMARY(nd_dev_fields, nd_dev_parts);

static const struct spec_sum_field nd_queue_fields[] = {
	[ND_IFINDEX] = SPEC_SUM_ATTR("ifindex"),
	[ND_XDP] = SPEC_SUM_ATTR("ifindex"),	/* (unused) */
	[ND_ID] = SPEC_SUM_ATTR("id"),
	[ND_TYPE] = SPEC_SUM_ATTR("type"),
	[ND_NAPI] = SPEC_SUM_ATTR("napi-id"),
};
static const struct nl_sum_part nd_queue_parts[] = {
	NLS_PART(NLS_DEV, ND_IFINDEX, " dev "),
	YNL_VAL(ND_TYPE, " "),
	YNL_VAL(ND_ID, " queue "),
	YNL_VAL(ND_NAPI, " napi "),
};
const struct spec_summary ynl_netdev_queue_sum = SPEC_SUMMARY(nd_queue_fields, nd_queue_parts);

static const struct spec_sum_field nd_napi_fields[] = {
	[ND_IFINDEX] = SPEC_SUM_ATTR("ifindex"),
	[ND_XDP] = SPEC_SUM_ATTR("ifindex"),	/* (unused) */
	[ND_ID] = SPEC_SUM_ATTR("id"),
};
static const struct nl_sum_part nd_napi_parts[] = {
	NLS_PART(NLS_DEV, ND_IFINDEX, " dev "),
	YNL_VAL(ND_ID, " napi "),
};
const struct spec_summary ynl_netdev_napi_sum = SPEC_SUMMARY(nd_napi_fields, nd_napi_parts);

static const struct nl_sum_part nd_pool_parts[] = {
	NLS_PART(NLS_DEV, ND_IFINDEX, " dev "),
	YNL_VAL(ND_ID, " page-pool "),
	YNL_VAL(ND_NAPI, " napi "),
};
static const struct spec_sum_field nd_pool_fields[] = {
	[ND_IFINDEX] = SPEC_SUM_ATTR("ifindex"),
	[ND_XDP] = SPEC_SUM_ATTR("ifindex"),	/* (unused) */
	[ND_ID] = SPEC_SUM_ATTR("id"),
	[ND_TYPE] = SPEC_SUM_ATTR("id"),	/* (unused) */
	[ND_NAPI] = SPEC_SUM_ATTR("napi-id"),
};
const struct spec_summary ynl_netdev_pool_sum = SPEC_SUMMARY(nd_pool_fields, nd_pool_parts);
