/* ynl_ethtool.c - ethtool summaries in ethtool(8)'s words: the device
 * from the request header nest, then the values the message carries, as
 * the setting options name them (-s speed/duplex/autoneg, -G rx/tx, -L
 * rx/tx/other/combined, -C rx-usecs/tx-usecs/adaptive-rx, -A, link).
 *
 * Reference: specs/ynl/ethtool.yaml (Linux 7.2); duplex: DUPLEX_HALF 0,
 * DUPLEX_FULL 1, DUPLEX_UNKNOWN 0xff (include/uapi/linux/ethtool.h).
 */
#include <string.h>

#include "emit.h"
#include "ynl.h"

/* every ethtool summary starts with the header's device */
enum { ET_HDR, ET_DEV, ET_X };
#define ET_DEV_FIELDS \
	[ET_HDR] = SPEC_SUM_ATTR("header"), [ET_DEV] = SPEC_SUM_IN("header", "dev-name", ET_HDR)
#define ET_DEV_PART YNL_VAL(ET_DEV, " ")

static const struct spec_sum_field et_fields[] = { ET_DEV_FIELDS };
static const struct nl_sum_part et_parts[] = { ET_DEV_PART };
const struct spec_summary ynl_ethtool_sum = SPEC_SUMMARY(et_fields, et_parts);

static const char *const et_onoff_names[] = { "off", "on" };
static const struct nl_names et_onoff = NL_NAMES(et_onoff_names);
static const char *const et_duplex_names[] = { "half", "full" };
static const struct nl_names et_duplex = NL_NAMES(et_duplex_names);
static const char *const et_link_names[] = { "no", "yes" };
static const struct nl_names et_link = NL_NAMES(et_link_names);

/* linkmodes (-s): speed 10000 duplex full autoneg off advertise 1000baseT/Full */
enum { ETM_SPEED = ET_X, ETM_DUPLEX, ETM_AUTONEG, ETM_OURS };
static const struct spec_sum_field et_modes_fields[] = {
	ET_DEV_FIELDS,
	[ETM_SPEED] = SPEC_SUM_ATTR("speed"),
	[ETM_DUPLEX] = SPEC_SUM_ATTR("duplex"),
	[ETM_AUTONEG] = SPEC_SUM_ATTR("autoneg"),
	[ETM_OURS] = SPEC_SUM_ATTR("ours"),
};
static const struct nl_sum_part et_modes_parts[] = {
	ET_DEV_PART,
	NLS_PART(NLS_U32, ETM_SPEED, " speed "),
	NLS_NAMES(ETM_DUPLEX, " duplex ", &et_duplex),
	NLS_NAMES(ETM_AUTONEG, " autoneg ", &et_onoff),
	NLS_TEXT_OF(ETM_OURS, ET_HDR, " advertise ", ynl_ethtool_modes_text),
};
const struct spec_summary ynl_ethtool_linkmodes_sum = SPEC_SUMMARY(et_modes_fields,
								   et_modes_parts);

/* linkstate: link yes */
enum { ETS_LINK = ET_X };
static const struct spec_sum_field et_state_fields[] = {
	ET_DEV_FIELDS,
	[ETS_LINK] = SPEC_SUM_ATTR("link"),
};
static const struct nl_sum_part et_state_parts[] = {
	ET_DEV_PART,
	NLS_NAMES(ETS_LINK, " link ", &et_link),
};
const struct spec_summary ynl_ethtool_linkstate_sum = SPEC_SUMMARY(et_state_fields,
								   et_state_parts);

/* rings (-G): rx 256 rx-mini 0 rx-jumbo 0 tx 256 */
enum { ETR_RX = ET_X, ETR_MINI, ETR_JUMBO, ETR_TX };
static const struct spec_sum_field et_rings_fields[] = {
	ET_DEV_FIELDS,
	[ETR_RX] = SPEC_SUM_ATTR("rx"),
	[ETR_MINI] = SPEC_SUM_ATTR("rx-mini"),
	[ETR_JUMBO] = SPEC_SUM_ATTR("rx-jumbo"),
	[ETR_TX] = SPEC_SUM_ATTR("tx"),
};
static const struct nl_sum_part et_rings_parts[] = {
	ET_DEV_PART,
	YNL_VAL(ETR_RX, " rx "),
	YNL_VAL(ETR_MINI, " rx-mini "),
	YNL_VAL(ETR_JUMBO, " rx-jumbo "),
	YNL_VAL(ETR_TX, " tx "),
};
const struct spec_summary ynl_ethtool_rings_sum = SPEC_SUMMARY(et_rings_fields, et_rings_parts);

/* channels (-L): rx 1 tx 1 other 0 combined 4 */
enum { ETC_RX = ET_X, ETC_TX, ETC_OTHER, ETC_COMBINED };
static const struct spec_sum_field et_channels_fields[] = {
	ET_DEV_FIELDS,
	[ETC_RX] = SPEC_SUM_ATTR("rx-count"),
	[ETC_TX] = SPEC_SUM_ATTR("tx-count"),
	[ETC_OTHER] = SPEC_SUM_ATTR("other-count"),
	[ETC_COMBINED] = SPEC_SUM_ATTR("combined-count"),
};
static const struct nl_sum_part et_channels_parts[] = {
	ET_DEV_PART,
	YNL_VAL(ETC_RX, " rx "),
	YNL_VAL(ETC_TX, " tx "),
	YNL_VAL(ETC_OTHER, " other "),
	YNL_VAL(ETC_COMBINED, " combined "),
};
const struct spec_summary ynl_ethtool_channels_sum = SPEC_SUMMARY(et_channels_fields,
								  et_channels_parts);

/* coalesce (-C): adaptive-rx off adaptive-tx off rx-usecs 50 tx-usecs 50 */
enum { ETO_ARX = ET_X, ETO_ATX, ETO_RXU, ETO_RXF, ETO_TXU, ETO_TXF };
static const struct spec_sum_field et_coalesce_fields[] = {
	ET_DEV_FIELDS,
	[ETO_ARX] = SPEC_SUM_ATTR("use-adaptive-rx"),
	[ETO_ATX] = SPEC_SUM_ATTR("use-adaptive-tx"),
	[ETO_RXU] = SPEC_SUM_ATTR("rx-usecs"),
	[ETO_RXF] = SPEC_SUM_ATTR("rx-max-frames"),
	[ETO_TXU] = SPEC_SUM_ATTR("tx-usecs"),
	[ETO_TXF] = SPEC_SUM_ATTR("tx-max-frames"),
};
static const struct nl_sum_part et_coalesce_parts[] = {
	ET_DEV_PART,
	NLS_NAMES(ETO_ARX, " adaptive-rx ", &et_onoff),
	NLS_NAMES(ETO_ATX, " adaptive-tx ", &et_onoff),
	YNL_VAL(ETO_RXU, " rx-usecs "),
	YNL_VAL(ETO_RXF, " rx-frames "),
	YNL_VAL(ETO_TXU, " tx-usecs "),
	YNL_VAL(ETO_TXF, " tx-frames "),
};
const struct spec_summary ynl_ethtool_coalesce_sum = SPEC_SUMMARY(et_coalesce_fields,
								  et_coalesce_parts);

/* pause (-A): autoneg off rx on tx on */
enum { ETP_AUTONEG = ET_X, ETP_RX, ETP_TX };
static const struct spec_sum_field et_pause_fields[] = {
	ET_DEV_FIELDS,
	[ETP_AUTONEG] = SPEC_SUM_ATTR("autoneg"),
	[ETP_RX] = SPEC_SUM_ATTR("rx"),
	[ETP_TX] = SPEC_SUM_ATTR("tx"),
};
static const struct nl_sum_part et_pause_parts[] = {
	ET_DEV_PART,
	NLS_NAMES(ETP_AUTONEG, " autoneg ", &et_onoff),
	NLS_NAMES(ETP_RX, " rx ", &et_onoff),
	NLS_NAMES(ETP_TX, " tx ", &et_onoff),
};
const struct spec_summary ynl_ethtool_pause_sum = SPEC_SUMMARY(et_pause_fields, et_pause_parts);

/* features (-K): the requested changes and, in the reply, what changed:
 * "et0 rx-gro off tx-checksum-ip-generic off" (names from the string
 * sets the capture holds: ynl_ethtool_bits.c) */
enum { ETF_WANTED = ET_X, ETF_ACTIVE };
static const struct spec_sum_field et_features_fields[] = {
	ET_DEV_FIELDS,
	[ETF_WANTED] = SPEC_SUM_ATTR("wanted"),
	[ETF_ACTIVE] = SPEC_SUM_ATTR("active"),
};
static const struct nl_sum_part et_features_parts[] = {
	ET_DEV_PART,
	NLS_TEXT_OF(ETF_WANTED, ET_HDR, " ", ynl_ethtool_features_text),
	NLS_TEXT_OF(ETF_ACTIVE, ET_HDR, " changed ", ynl_ethtool_features_text),
};
const struct spec_summary ynl_ethtool_features_sum = SPEC_SUMMARY(et_features_fields,
								  et_features_parts);
