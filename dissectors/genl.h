/* genl.h - generic netlink core shared by the genl family dissectors. */
#ifndef NLDUMP_GENL_H
#define NLDUMP_GENL_H

#include "dissect.h"

#define GENL_ID_CTRL 0x10

#endif
