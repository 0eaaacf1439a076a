// Shared by the question, the "why not" and the confirmation page of one proposed link.

/** The link still waits for this side's yes or no. */
export const answerable = (link: { status: string; iAccepted: boolean }) => link.status === 'proposed' && !link.iAccepted;
