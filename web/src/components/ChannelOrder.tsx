import { useEffect, useId, useRef, useState } from 'react';
import type { Channel } from '../api';

export const CHANNEL_NAMES: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };

export interface ChannelChoice {
  /** Every offered channel, in the order chosen. */
  order: Channel[];
  /** The ticked ones. */
  used: Channel[];
}

/** The ticked channels in the order shown: what the API takes as `channels`. */
export const chosenChannels = (choice: ChannelChoice): Channel[] =>
  choice.order.filter((c) => choice.used.includes(c));

/** A choice starting from an ordered list: those first and ticked, the rest after, unticked. */
export function choiceFrom(selected: Channel[], offered: Channel[]): ChannelChoice {
  const first = selected.filter((c) => offered.includes(c));
  return { order: [...first, ...offered.filter((c) => !first.includes(c))], used: first };
}

/**
 * An ordered list of channels: a tick chooses a channel, Move up and Move down set its place.
 * Buttons and checkboxes are plain controls, so the keyboard does everything; the moved
 * channel's button keeps the focus (or its twin when it reached an end).
 */
export function ChannelOrder({
  legend,
  choice,
  onChange,
  children,
}: {
  legend: string;
  choice: ChannelChoice;
  onChange: (choice: ChannelChoice) => void;
  children?: React.ReactNode;
}) {
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<{ channel: Channel; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    const button = (dir: string) =>
      list.current?.querySelector<HTMLButtonElement>(`[data-move="${focus.channel}-${dir}"]`);
    const same = button(focus.dir);
    (same && !same.disabled ? same : button(focus.dir === 'up' ? 'down' : 'up'))?.focus();
    setFocus(null);
  }, [focus]);

  const move = (channel: Channel, dir: 'up' | 'down') => {
    const order = [...choice.order];
    const from = order.indexOf(channel);
    const to = dir === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    onChange({ ...choice, order });
    setFocus({ channel, dir });
  };
  const toggle = (channel: Channel, on: boolean) =>
    onChange({
      ...choice,
      used: on ? [...choice.used, channel] : choice.used.filter((c) => c !== channel),
    });

  return (
    <fieldset className="channel-order">
      <legend>{legend}</legend>
      <ol ref={list} aria-describedby={`${id}-help`}>
        {choice.order.map((channel, index) => {
          const name = CHANNEL_NAMES[channel];
          return (
            <li key={channel}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={choice.used.includes(channel)}
                  onChange={(e) => toggle(channel, e.currentTarget.checked)}
                />{' '}
                {name}
              </label>
              <span className="row">
                <button
                  type="button"
                  data-move={`${channel}-up`}
                  disabled={index === 0}
                  onClick={() => move(channel, 'up')}
                >
                  <span className="visually-hidden">Move {name} </span>
                  <span aria-hidden="true">↑ </span>
                  Up
                </button>
                <button
                  type="button"
                  data-move={`${channel}-down`}
                  disabled={index === choice.order.length - 1}
                  onClick={() => move(channel, 'down')}
                >
                  <span className="visually-hidden">Move {name} </span>
                  <span aria-hidden="true">↓ </span>
                  Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p id={`${id}-help`} className="muted small">
        Ticked channels are tried from the top: the next one gets the code when the one before fails.
      </p>
      {children}
    </fieldset>
  );
}
