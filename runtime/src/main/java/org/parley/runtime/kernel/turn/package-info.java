/**
 * Turn-taking rules as plain objects, free of actors so they can be tested directly: who speaks
 * next ({@link org.parley.runtime.kernel.turn.TurnOrder}), a simultaneous round's barrier
 * ({@link org.parley.runtime.kernel.turn.RoundBarrier}), who may decide under the free protocol
 * ({@link org.parley.runtime.kernel.turn.FreeSchedule}) and the order in which concurrent
 * answers are applied ({@link org.parley.runtime.kernel.turn.ReplyOrder}).
 */
package org.parley.runtime.kernel.turn;
