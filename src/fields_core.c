/* fields_core.c - the members the netlink core writes (nlmsg.c, genl.c)
 * for every message, for the field registry (fields.c): path, kind,
 * protocol ("core", or "genl" for generic netlink's header), description.
 * The extended ACK's attributes come from its policy table (nl_extack_set)
 * under error.ext_ack and ext_ack. */
#include "fields.h"
#include "names.h"

const struct nl_field fields_core[] = {
	{ "frame", "u64", "core", "number of the frame in the capture, from 1" },
	{ "index", "u32", "core", "position of the message in its frame, from 0" },
	{ "time", "string", "core", "time stamp of the frame (UTC, ISO 8601)" },
	{ "time_epoch", "number", "core", "-tt: the time stamp in seconds since 1970 (a number)" },
	{ "dir", "enum", "core", "direction: to_kernel or to_user" },
	{ "dir_inferred", "flag", "core", "direction inferred from NLM_F_REQUEST" },
	{ "proto", "string", "core", "netlink protocol name" },
	{ "proto_id", "u32", "core", "netlink protocol number" },
	{ "byte_order", "string", "core", "set on a frame read as big-endian" },
	{ "copies", "u64", "core", "--dedup: identical frames this message stands for" },
	{ "copy_of", "u64", "core", "first frame of a run of identical frames" },
	{ "group", "struct", "core", "--monitor: the multicast group" },
	{ "group.id", "u32", "core", "multicast group number" },
	{ "group.name", "string", "core", "multicast group name" },
	{ "nlmsg", "struct", "core", "struct nlmsghdr" },
	{ "nlmsg.len", "u32", "core", "nlmsg_len" },
	{ "nlmsg.type", "enum", "core", "nlmsg_type: message name, or the number" },
	{ "nlmsg.flags", "u16", "core", "nlmsg_flags" },
	{ "nlmsg.flag_names", "flags", "core", "names of the nlmsg_flags bits set",
	  .names = &nlmsg_flag_names_all },
	{ "nlmsg.seq", "u32", "core", "sequence number" },
	{ "nlmsg.pid", "u32", "core", "port id" },
	{ "attrs", "nest", "core", "the attributes (unknown_N: one no policy describes)" },
	{ "error", "struct", "core", "NLMSG_ERROR: an error or an ACK" },
	{ "error.code", "s32", "core", "error code: 0 (ACK) or a negative errno" },
	{ "error.name", "string", "core", "errno name (ENODEV)" },
	{ "error.text", "string", "core", "errno text" },
	{ "error.request", "message", "core",
	  "the echoed request; its members are message paths (error.request.nlmsg.type)" },
	{ "error.ext_ack", "nest", "core", "extended ACK (NLMSGERR_ATTR_*)" },
	{ "error.ext_ack.offs_path", "string", "core",
	  "path of the request's field offs points at (attrs.linkinfo.data.id)" },
	{ "error.ext_ack.miss_path", "string", "core",
	  "path the attribute miss_type names would have (attrs.ifname)" },
	{ "status", "s32", "core", "NLMSG_DONE: 0 or a negative errno" },
	{ "dump_messages", "u64", "core", "NLMSG_DONE: messages of the dump seen" },
	{ "dump", "struct", "core", "NLMSG_DONE: the dump it closes (transactions)" },
	{ "dump.messages", "u32", "core", "the dump's parts (NLM_F_MULTI)" },
	{ "dump.bytes", "u64", "core", "nlmsg_len of the dump's parts summed" },
	{ "dump.frames", "u32", "core", "frames holding the dump's parts and DONE" },
	{ "dump.duration_us", "s64", "core", "time from the dump's first part to its DONE" },
	{ "dump.interrupted", "flag", "core", "a part or the DONE had NLM_F_DUMP_INTR" },
	{ "txn", "struct", "core", "an answer: the request it answers (transactions)" },
	{ "txn.request_frame", "u64", "core", "frame of the request" },
	{ "txn.request_index", "u32", "core", "index of the request in its frame" },
	{ "txn.latency_us", "s64", "core", "time from the request to this answer" },
	{ "txn.ambiguous", "flag", "core", "more than one request fitted: the earliest named" },
	{ "txn.request", "null", "core", "null: no request of the capture fits" },
	{ "ovs", "struct", "core", "an OVS flow NEW or EXECUTE: the upcall it answers" },
	{ "ovs.upcall_frame", "u64", "core", "frame of the upcall (ovs_packet MISS, ACTION)" },
	{ "ovs.flow_frame", "u64", "core", "EXECUTE: frame of the flow NEW of its upcall" },
	{ "ovs.ambiguous", "flag", "core", "another upcall fitted as well: the latest named" },
	{ "ext_ack", "nest", "core", "NLMSG_DONE: extended ACK (NLMSGERR_ATTR_*)" },
	{ "payload", "bytes", "core", "body not decoded" },
	{ "unparsed", "bytes", "core", "bytes of the message no dissector read" },
	{ "padding", "u64", "core", "zero bytes after the last message of the frame" },
	{ "hex", "bytes", "core", "-x: the whole message" },
	{ "malformed", "array", "core", "problems found" },
	{ "malformed.at", "string", "core", "path of the member with the problem" },
	{ "malformed.offset", "u64", "core", "byte offset in the message" },
	{ "malformed.reason", "string", "core", "what is wrong" },
	{ "truncated", "array", "core", "parts the capture cut" },
	{ "truncated.at", "string", "core", "path of the member cut" },
	{ "truncated.offset", "u64", "core", "byte offset in the message" },
	{ "truncated.reason", "string", "core", "what is missing" },
	{ "duplicates", "array", "core", "paths of attributes that repeat" },
	{ "*.trailing", "bytes", "core", "any set: bytes too short for an attribute header" },
	{ "*.leftover", "bytes", "core", "any attribute: bytes after its value" },
	{ "*.extra", "bytes", "core", "any struct: bytes after the known fields" },
	{ "genl", "struct", "genl", "struct genlmsghdr and the family" },
	{ "genl.family", "string", "genl", "family name (null when the id is not mapped)" },
	{ "genl.id", "u16", "genl", "family id (nlmsg_type)" },
	{ "genl.cmd", "enum", "genl", "command name, or the number" },
	{ "genl.cmd_id", "u8", "genl", "command number" },
	{ "genl.version", "u8", "genl", "genlmsghdr.version" },
	{ "genl.reserved", "u16", "genl", "genlmsghdr.reserved, when not zero" },
	{ "family_header", "bytes", "genl", "fixed header of a family without a dissector" },
};
const size_t fields_ncore = ARRAY_SIZE(fields_core);

void fields_note_names(struct nl_field *f, const struct nl_names *names)
{
	if (!names)
		f->names_open = true;
	else if (!f->names && !f->names_open)
		f->names = names;
	else if (f->names != names)
		f->names_open = true;
}
