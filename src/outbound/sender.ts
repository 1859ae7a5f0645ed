/** Where an outbound message goes: a contact id, a room id, or a room found by its topic. */
export type TargetKind = 'contact' | 'room' | 'room-topic';

export interface OutboundTarget {
  kind: TargetKind;
  id: string;
}

/** The transport the queue sends through; the bot plugs its WeChat connection in. */
/** A picture to send, such as a chart: PNG bytes and the file name WeChat shows. */
export interface OutboundImage {
  name: string;
  data: Buffer;
}

export interface MessageSender {
  /**
   * Resolves once WeChat accepted the message; throws to have it retried later. With an image the
   * image is sent and `body` is its file name.
   */
  send(target: OutboundTarget, body: string, image?: OutboundImage): Promise<void>;
  /** False while logged out or reconnecting: the queue then waits. */
  isReady(): boolean;
}
