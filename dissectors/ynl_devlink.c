/* ynl_devlink.c - devlink summaries in devlink(8)'s words: the handle as
 * `bus/dev` or `bus/dev/port` (netdevsim/netdevsim10/0), then what the
 * message is about (a port's type, netdev and flavour; a parameter's name,
 * type and value; a reporter, a trap, a region, a resource, the
 * versions, a flash status `component: msg done/total`).
 *
 * Reference: specs/ynl/devlink.yaml and its overlay (Linux 7.2),
 * include/uapi/linux/devlink.h (param-value-data typed by param-type:
 * enum devlink_var_attr_type, u8 1, u16 2, u32 3, u64 4, string 5, flag 6,
 * nul-string 10).
 */
#include <string.h>

#include "emit.h"
#include "sbuf.h"
#include "ynl.h"

/* DEVLINK_VAR_ATTR_TYPE_* (the spec's var-attr-type): the kind a typed
 * value's data reads as, with its width (0: any); NLA_KIND_UNSPEC:
 * binary and u64-array, shown as bytes */
static uint8_t dl_var_kind(uint64_t t, bool fmsg, size_t *w)
{
	switch (t) {
	case 1: *w = 1; return NLA_KIND_U8;
	case 2: *w = 2; return NLA_KIND_U16;
	case 3: *w = 4; return NLA_KIND_U32;
	case 4: *w = 8; return NLA_KIND_U64;
	case 5: case 10: *w = 0; return NLA_KIND_STRING;
	/* a flag parameter's data is there or not; fmsg always gives a
	 * flag's data, as a u8 (0 or 1) */
	case 6: *w = fmsg ? 1 : 0; return fmsg ? NLA_KIND_U8 : NLA_KIND_FLAG;
	default: *w = 0; return NLA_KIND_UNSPEC;
	}
}

const struct ynl_typed ynl_devlink_param_typed = { "param-type", false };
const struct ynl_typed ynl_devlink_fmsg_typed = { "fmsg-obj-value-type", true };

/* param-value-data, param-value-default, fmsg-obj-value-data: typed by
 * the var-attr-type attribute the hook's row names (.cbdata) */
bool ynl_devlink_typed_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
			  struct nlc *c)
{
	const struct ynl_typed *by = pol->cbdata;
	uint64_t t;
	size_t w;

	if (!by || !ynl_sibling_uint(d, by->type_attr, c, &t))
		return false;
	struct nl_attr_pol one = { .name = pol->name, .kind = dl_var_kind(t, by->fmsg, &w) };
	size_t n = nlc_left(c);
	if (one.kind == NLA_KIND_UNSPEC || (w && n != w) || (one.kind == NLA_KIND_FLAG && n))
		return false;
	nla_value(d, &one, key, c);
	return true;
}

static const struct nl_attr_pol dl_typed_alts[] = {
	{ "type u8", NLA_KIND_U8 },	{ "type u16", NLA_KIND_U16 },
	{ "type u32", NLA_KIND_U32 },	{ "type u64", NLA_KIND_U64 },
	{ "type string", NLA_KIND_STRING }, { "type flag", NLA_KIND_FLAG },
	{ "type binary", NLA_KIND_BINARY },
};
const struct nl_shape ynl_devlink_typed_shape = NL_SHAPE_ALTS(dl_typed_alts);

/* every devlink summary starts with the handle's fields */
enum { DL_BUS, DL_DEV, DL_PORT, DL_X };
#define DL_HANDLE_FIELDS \
	[DL_BUS] = SPEC_SUM_ATTR("bus-name"), [DL_DEV] = SPEC_SUM_ATTR("dev-name"), \
	[DL_PORT] = SPEC_SUM_ATTR("port-index")

/* bus/dev, or bus/dev/port */
static bool dl_handle(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		      struct sbuf *b)
{
	const uint8_t *bus, *dev;
	size_t nb, nd;
	uint32_t port;

	(void)d;
	(void)pt;
	if (!nl_sum_str(v, DL_BUS, &bus, &nb) || !nl_sum_str(v, DL_DEV, &dev, &nd))
		return false;
	sbuf_escape(b, bus, nb, 0);
	sbuf_putc(b, '/');
	sbuf_escape(b, dev, nd, 0);
	if (nl_sum_u32(v, DL_PORT, &port))
		sbuf_printf(b, "/%u", port);
	return true;
}
#define DL_HANDLE NLS_TEXT_OF(DL_BUS, -1, " ", dl_handle)

static const struct spec_sum_field dl_fields[] = { DL_HANDLE_FIELDS };
static const struct nl_sum_part dl_parts[] = { DL_HANDLE };
const struct spec_summary ynl_devlink_sum = SPEC_SUMMARY(dl_fields, dl_parts);

/* port: type eth netdev eth0 flavour physical port 1 */
enum { DLP_TYPE = DL_X, DLP_NETDEV, DLP_FLAVOUR, DLP_NUMBER };
static const struct spec_sum_field dl_port_fields[] = {
	DL_HANDLE_FIELDS,
	[DLP_TYPE] = SPEC_SUM_ATTR("port-type"),
	[DLP_NETDEV] = SPEC_SUM_ATTR("port-netdev-name"),
	[DLP_FLAVOUR] = SPEC_SUM_ATTR("port-flavour"),
	[DLP_NUMBER] = SPEC_SUM_ATTR("port-number"),
};
static const struct nl_sum_part dl_port_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLP_TYPE, " type "),
	YNL_VAL(DLP_NETDEV, " netdev "),
	YNL_VAL(DLP_FLAVOUR, " flavour "),
	NLS_PART(NLS_U32, DLP_NUMBER, " port "),
};
const struct spec_summary ynl_devlink_port_sum = SPEC_SUMMARY(dl_port_fields, dl_port_parts);

/* param: name max_macs type u32 value 32 cmode driverinit (the first
 * value of the list) */
enum { DLR_PARAM = DL_X, DLR_NAME, DLR_TYPE, DLR_VALUES };
static const struct spec_sum_field dl_param_fields[] = {
	DL_HANDLE_FIELDS,
	[DLR_PARAM] = SPEC_SUM_ATTR("param"),
	[DLR_NAME] = SPEC_SUM_IN("dl-param", "param-name", DLR_PARAM),
	[DLR_TYPE] = SPEC_SUM_IN("dl-param", "param-type", DLR_PARAM),
	[DLR_VALUES] = SPEC_SUM_IN("dl-param", "param-values-list", DLR_PARAM),
};

/* the data of a parameter value of type t (bytes at c) */
static bool dl_param_data(struct sbuf *b, unsigned t, struct nlc *c, bool present)
{
	size_t n = nlc_left(c);
	const uint8_t *s;

	switch (t) {
	case 1: case 2: case 3: case 4: {	/* u8 u16 u32 u64 */
		unsigned w = 1u << (t - 1);
		if (!present || n != w)
			return false;
		sbuf_u64(b, nlc_uint(c, w, c->order == NLC_BE));
		return nlc_ok(c);
	}
	case 5: case 10:	/* string, nul-string */
		if (!present || !(s = nlc_rest(c, &n)))
			return false;
		sbuf_escape(b, s, n && !s[n - 1] ? n - 1 : n, 0);
		return true;
	case 6:	/* flag: there or not */
		sbuf_puts(b, present ? "true" : "false");
		return true;
	default:
		return false;
	}
}

static bool dl_param_value(struct dctx *d, const struct nl_sum_vals *v,
			   const struct nl_sum_part *pt, struct sbuf *b)
{
	const struct nl_attr_pol *lp = v->pol[DLR_VALUES];
	struct nlc list, one, data, cm;
	uint64_t type;

	(void)d;
	if (!lp || !lp->nest || !ynl_sum_uint(v, DLR_TYPE, &type) ||
	    !nl_sum_get(v, pt->slot, &list) ||
	    !nl_sum_find_named(&list, lp->nest, "param-value", &one))
		return false;
	const struct nl_attr_pol *vp = NULL;
	for (unsigned t = 0; t <= lp->nest->max && !vp; t++)
		if (lp->nest->attrs[t].nest)
			vp = &lp->nest->attrs[t];
	if (!vp)
		return false;
	bool present = nl_sum_find_named(&one, vp->nest, "param-value-data", &data);
	sbuf_puts(b, " value ");
	if (!dl_param_data(b, (unsigned)type, &data, present))
		return false;
	if (nl_sum_find_named(&one, vp->nest, "param-value-cmode", &cm) && nlc_left(&cm) == 1) {
		const struct nl_attr_set *s = vp->nest;
		uint8_t mode = nlc_u8(&cm);
		const char *nm = NULL;
		for (unsigned t = 0; t <= s->max && !nm; t++)
			if (s->attrs[t].name && !strcmp(s->attrs[t].name, "param-value-cmode"))
				nm = nl_name(s->attrs[t].enums, mode);
		if (nm)
			sbuf_printf(b, " cmode %s", nm);
		else
			sbuf_printf(b, " cmode %u", mode);
	}
	return true;
}

static const struct nl_sum_part dl_param_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLR_NAME, " name "),
	YNL_VAL(DLR_TYPE, " type "),
	NLS_TEXT_OF(DLR_VALUES, -1, "", dl_param_value),
};
const struct spec_summary ynl_devlink_param_sum = SPEC_SUMMARY(dl_param_fields, dl_param_parts);

/* health reporter: reporter NAME state healthy */
enum { DLH_REP = DL_X, DLH_NAME, DLH_STATE };
static const struct spec_sum_field dl_health_fields[] = {
	DL_HANDLE_FIELDS,
	[DLH_REP] = SPEC_SUM_ATTR("health-reporter"),
	[DLH_NAME] = SPEC_SUM_IN("dl-health-reporter", "health-reporter-name", DLH_REP),
	[DLH_STATE] = SPEC_SUM_IN("dl-health-reporter", "health-reporter-state", DLH_REP),
};
/* DEVLINK_HEALTH_REPORTER_STATE_* (the spec gives no enum) */
static const char *const dl_health_state_names[] = { "healthy", "error" };
static const struct nl_names dl_health_states = NL_NAMES(dl_health_state_names);
static const struct nl_sum_part dl_health_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLH_NAME, " reporter "),
	NLS_NAMES(DLH_STATE, " state ", &dl_health_states),
};
const struct spec_summary ynl_devlink_health_sum = SPEC_SUMMARY(dl_health_fields,
								dl_health_parts);

/* eswitch: mode switchdev inline-mode none encap-mode basic */
enum { DLE_MODE = DL_X, DLE_INLINE, DLE_ENCAP };
static const struct spec_sum_field dl_eswitch_fields[] = {
	DL_HANDLE_FIELDS,
	[DLE_MODE] = SPEC_SUM_ATTR("eswitch-mode"),
	[DLE_INLINE] = SPEC_SUM_ATTR("eswitch-inline-mode"),
	[DLE_ENCAP] = SPEC_SUM_ATTR("eswitch-encap-mode"),
};
static const struct nl_sum_part dl_eswitch_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLE_MODE, " mode "),
	YNL_VAL(DLE_INLINE, " inline-mode "),
	YNL_VAL(DLE_ENCAP, " encap-mode "),
};
const struct spec_summary ynl_devlink_eswitch_sum = SPEC_SUMMARY(dl_eswitch_fields,
								 dl_eswitch_parts);

/* trap: name NAME type drop action drop group l2_drops */
enum { DLT_NAME = DL_X, DLT_TYPE, DLT_ACTION, DLT_GROUP, DLT_POLICER };
static const struct spec_sum_field dl_trap_fields[] = {
	DL_HANDLE_FIELDS,
	[DLT_NAME] = SPEC_SUM_ATTR("trap-name"),
	[DLT_TYPE] = SPEC_SUM_ATTR("trap-type"),
	[DLT_ACTION] = SPEC_SUM_ATTR("trap-action"),
	[DLT_GROUP] = SPEC_SUM_ATTR("trap-group-name"),
	[DLT_POLICER] = SPEC_SUM_ATTR("trap-policer-id"),
};
static const struct nl_sum_part dl_trap_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLT_NAME, " name "),
	YNL_VAL(DLT_TYPE, " type "),
	YNL_VAL(DLT_ACTION, " action "),
	YNL_VAL(DLT_GROUP, " group "),
};
const struct spec_summary ynl_devlink_trap_sum = SPEC_SUMMARY(dl_trap_fields, dl_trap_parts);

/* trap group: name l3_drops policer 1 */
static const struct nl_sum_part dl_trap_group_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLT_GROUP, " name "),
	YNL_VAL(DLT_POLICER, " policer "),
};
const struct spec_summary ynl_devlink_trap_group_sum = SPEC_SUMMARY(dl_trap_fields,
								    dl_trap_group_parts);

/* trap policer: policer 1 rate 1000 burst 128 */
enum { DLL_ID = DL_X, DLL_RATE, DLL_BURST };
static const struct spec_sum_field dl_policer_fields[] = {
	DL_HANDLE_FIELDS,
	[DLL_ID] = SPEC_SUM_ATTR("trap-policer-id"),
	[DLL_RATE] = SPEC_SUM_ATTR("trap-policer-rate"),
	[DLL_BURST] = SPEC_SUM_ATTR("trap-policer-burst"),
};
static const struct nl_sum_part dl_policer_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLL_ID, " policer "),
	YNL_VAL(DLL_RATE, " rate "),
	YNL_VAL(DLL_BURST, " burst "),
};
const struct spec_summary ynl_devlink_policer_sum = SPEC_SUMMARY(dl_policer_fields,
								 dl_policer_parts);

/* region: region dummy size 32768 snapshot 1 */
enum { DLG_NAME = DL_X, DLG_SIZE, DLG_SNAP };
static const struct spec_sum_field dl_region_fields[] = {
	DL_HANDLE_FIELDS,
	[DLG_NAME] = SPEC_SUM_ATTR("region-name"),
	[DLG_SIZE] = SPEC_SUM_ATTR("region-size"),
	[DLG_SNAP] = SPEC_SUM_ATTR("region-snapshot-id"),
};
static const struct nl_sum_part dl_region_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLG_NAME, " region "),
	YNL_VAL(DLG_SIZE, " size "),
	YNL_VAL(DLG_SNAP, " snapshot "),
};
const struct spec_summary ynl_devlink_region_sum = SPEC_SUMMARY(dl_region_fields,
								dl_region_parts);

/* resources: the top-level ones, name and size (resource IPv4 size 5) */
enum { DLS_LIST = DL_X };
static const struct spec_sum_field dl_resource_fields[] = {
	DL_HANDLE_FIELDS,
	[DLS_LIST] = SPEC_SUM_ATTR("resource-list"),
};

static bool dl_resources(struct dctx *d, const struct nl_sum_vals *v,
			 const struct nl_sum_part *pt, struct sbuf *b)
{
	const struct nl_attr_pol *lp = v->pol[pt->slot];
	struct nlc list, it, one, name, size;
	uint16_t type;
	unsigned shown = 0;
	const uint8_t *s;
	size_t n;

	(void)d;
	if (!lp || !lp->nest || !nl_sum_get(v, pt->slot, &list))
		return false;
	it = list;
	while (nla_next(&it, &type, &one) && shown < 8) {
		const struct nl_attr_pol *rp = type <= lp->nest->max ? &lp->nest->attrs[type] : NULL;
		if (!rp || !rp->nest || !nl_sum_find_named(&one, rp->nest, "resource-name", &name) ||
		    !(s = nlc_rest(&name, &n)))
			continue;
		sbuf_puts(b, " resource ");
		sbuf_escape(b, s, n && !s[n - 1] ? n - 1 : n, 0);
		if (nl_sum_find_named(&one, rp->nest, "resource-size", &size) && nlc_left(&size) == 8)
			sbuf_printf(b, " size %llu", (unsigned long long)nlc_u64(&size));
		shown++;
	}
	return shown > 0;
}

static const struct nl_sum_part dl_resource_parts[] = {
	DL_HANDLE,
	NLS_TEXT_OF(DLS_LIST, -1, "", dl_resources),
};
const struct spec_summary ynl_devlink_resource_sum = SPEC_SUMMARY(dl_resource_fields,
								  dl_resource_parts);

/* info: driver netdevsim serial_number X, the first fixed and running
 * versions (fixed board.id ... running fw.mgmt 10.20.30) */
enum { DLI_DRIVER = DL_X, DLI_SERIAL, DLI_FIXED, DLI_RUNNING, DLI_STORED };
static const struct spec_sum_field dl_info_fields[] = {
	DL_HANDLE_FIELDS,
	[DLI_DRIVER] = SPEC_SUM_ATTR("info-driver-name"),
	[DLI_SERIAL] = SPEC_SUM_ATTR("info-serial-number"),
	[DLI_FIXED] = SPEC_SUM_ATTR("info-version-fixed"),
	[DLI_RUNNING] = SPEC_SUM_ATTR("info-version-running"),
	[DLI_STORED] = SPEC_SUM_ATTR("info-version-stored"),
};

/* a version nest as "name value" */
static bool dl_version(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		       struct sbuf *b)
{
	const struct nl_attr_pol *p = v->pol[pt->slot];
	struct nlc ver, name, val;
	const uint8_t *s, *t;
	size_t n, m;

	(void)d;
	if (!p || !p->nest || !nl_sum_get(v, pt->slot, &ver) ||
	    !nl_sum_find_named(&ver, p->nest, "info-version-name", &name) ||
	    !nl_sum_find_named(&ver, p->nest, "info-version-value", &val) ||
	    !(s = nlc_rest(&name, &n)) || !(t = nlc_rest(&val, &m)))
		return false;
	sbuf_escape(b, s, n && !s[n - 1] ? n - 1 : n, 0);
	sbuf_putc(b, ' ');
	sbuf_escape(b, t, m && !t[m - 1] ? m - 1 : m, 0);
	return true;
}

static const struct nl_sum_part dl_info_parts[] = {
	DL_HANDLE,
	YNL_VAL(DLI_DRIVER, " driver "),
	YNL_VAL(DLI_SERIAL, " serial_number "),
	NLS_TEXT_OF(DLI_FIXED, -1, " fixed ", dl_version),
	NLS_TEXT_OF(DLI_RUNNING, -1, " running ", dl_version),
	NLS_TEXT_OF(DLI_STORED, -1, " stored ", dl_version),
};
const struct spec_summary ynl_devlink_info_sum = SPEC_SUMMARY(dl_info_fields, dl_info_parts);

/* flash status: component: msg done/total (devlink dev flash's words) */
enum { DLF_COMP = DL_X, DLF_MSG, DLF_DONE, DLF_TOTAL };
static const struct spec_sum_field dl_flash_fields[] = {
	DL_HANDLE_FIELDS,
	[DLF_COMP] = SPEC_SUM_ATTR("flash-update-component"),
	[DLF_MSG] = SPEC_SUM_ATTR("flash-update-status-msg"),
	[DLF_DONE] = SPEC_SUM_ATTR("flash-update-status-done"),
	[DLF_TOTAL] = SPEC_SUM_ATTR("flash-update-status-total"),
};

static bool dl_flash(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b)
{
	const uint8_t *s;
	size_t n;
	uint64_t done, total;
	bool any = false;

	(void)d;
	(void)pt;
	if (nl_sum_str(v, DLF_COMP, &s, &n)) {
		sbuf_putc(b, ' ');
		sbuf_escape(b, s, n, 0);
		sbuf_putc(b, ':');
		any = true;
	}
	if (nl_sum_str(v, DLF_MSG, &s, &n)) {
		sbuf_putc(b, ' ');
		sbuf_escape(b, s, n, 0);
		any = true;
	}
	if (ynl_sum_uint(v, DLF_DONE, &done) && ynl_sum_uint(v, DLF_TOTAL, &total) && total) {
		sbuf_printf(b, " %llu/%llu", (unsigned long long)done, (unsigned long long)total);
		any = true;
	}
	return any;
}

static const struct nl_sum_part dl_flash_parts[] = {
	DL_HANDLE,
	NLS_TEXT_OF(-1, -1, "", dl_flash),
};
const struct spec_summary ynl_devlink_flash_sum = SPEC_SUMMARY(dl_flash_fields, dl_flash_parts);
