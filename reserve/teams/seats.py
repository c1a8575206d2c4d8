"""How many invitations a role slot still takes: the one formula (seats left come from
`RoleSlot.seats_left`)."""


def room(slot, pending: int) -> int:
    """Seats left, plus the slot's overbooking while a seat is left, minus the invitations
    awaiting a reply."""
    left = slot.seats_left
    if left <= 0:
        return 0
    return max(left + slot.overbooking - pending, 0)
